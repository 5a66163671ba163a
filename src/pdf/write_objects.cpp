#include "pdf/write_objects.hpp"

#include <hpdf_list.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>
#include <xxhash.h>

#include <array>
#include <map>
#include <algorithm>
#include <initializer_list>
#include <memory>
#include <optional>

#include "pdf/deflate.hpp"

namespace leafpress::pdf {

void CompactText::name(std::string_view n) {
    out_.append(n);
    last_ = Last::Name;
}

void CompactText::number(std::string_view text) {
    // Only a regular token can run into what was before it: a number after a name or a number.
    if (last_ == Last::Regular || last_ == Last::Name) out_.push_back(' ');
    out_.append(text);
    last_ = Last::Regular;
}

void CompactText::delimiter(std::string_view d) {
    out_.append(d);
    last_ = Last::Other;
}

void CompactText::string(std::string_view s) {
    out_.append(s);
    last_ = Last::Other;
}

namespace {

unsigned class_of(const void* o) { return static_cast<const HPDF_Obj_Header*>(o)->obj_class & HPDF_OCLASS_ANY; }
bool hidden(const void* o) { return (static_cast<const HPDF_Obj_Header*>(o)->obj_id & HPDF_OTYPE_HIDDEN) != 0; }
const void* target(const void* o) {
    return class_of(o) == HPDF_OCLASS_PROXY ? static_cast<const HPDF_Proxy_Rec*>(o)->obj : o;
}

template <typename F>
void each_item(HPDF_List list, F f) {
    for (HPDF_UINT i = 0; i < list->count; ++i) f(HPDF_List_ItemAt(list, i));
}

// The bytes of a libharu memory stream; nullopt when they cannot be read back.
std::optional<std::string> stream_bytes(HPDF_Stream s) {
    std::string out(HPDF_Stream_Size(s), '\0');
    HPDF_UINT size = static_cast<HPDF_UINT>(out.size());
    if (!out.empty() &&
        (HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK ||
         HPDF_Stream_Read(s, reinterpret_cast<HPDF_BYTE*>(out.data()), &size) != HPDF_OK || size != out.size()))
        return std::nullopt;
    return out;
}

void append(std::vector<std::uint8_t>& out, std::string_view s) { out.insert(out.end(), s.begin(), s.end()); }

// What this writer does not write as libharu would (none of it is used): a dictionary libharu
// writes with code of its own (its own fonts), decode parameters, a filter but Flate and DCT,
// encryption. Fails, naming the first, when there is one.
Result<void> unsupported(HPDF_Doc pdf, const std::vector<const void*>& objects) {
    if (pdf->encrypt_on) return Failure{"an encrypted document"};
    for (const void* o : objects) {
        if (!o || class_of(o) != HPDF_OCLASS_DICT) continue;
        const auto* d = static_cast<const HPDF_Dict_Rec*>(o);
        if (d->write_fn)
            return Failure{"a dictionary libharu writes itself (object " + std::to_string(object_number(o)) + ")"};
        if (d->filterParams) return Failure{"decode parameters (object " + std::to_string(object_number(o)) + ")"};
        if (d->stream &&
            (d->filter & ~static_cast<unsigned>(HPDF_STREAM_FILTER_FLATE_DECODE | HPDF_STREAM_FILTER_DCT_DECODE)))
            return Failure{"a stream filter other than Flate and DCT (object " + std::to_string(object_number(o)) +
                           ")"};
    }
    return {};
}

void put_be(std::string& s, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

int bytes_for(std::uint64_t v) {
    int n = 1;
    while (n < 8 && v >> (8 * n)) ++n;
    return n;
}

// 128 bits of XXH3 over several pieces, as if they were one.
std::array<std::uint8_t, 16> fingerprint_of(std::initializer_list<std::string_view> pieces) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_128bits_reset(state);
    for (std::string_view p : pieces) XXH3_128bits_update(state, p.data(), p.size());
    const XXH128_hash_t h = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 8; ++i) {
        out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(h.high64 >> (56 - 8 * i));
        out[static_cast<std::size_t>(i + 8)] = static_cast<std::uint8_t>(h.low64 >> (56 - 8 * i));
    }
    return out;
}

std::string hex(const std::array<std::uint8_t, 16>& id) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string s = "<";
    for (std::uint8_t b : id) {
        s.push_back(digits[b >> 4]);
        s.push_back(digits[b & 0xF]);
    }
    return s + ">";
}

}  // namespace

// Writing one of libharu's objects: its values, with references by final number and the
// objects written in place of their one reference.
struct ObjectWriter::Haru {
    const ObjectWriter& w;
    HPDF_Stream scratch;  // for values libharu formats itself (strings)
    const std::map<const void*, StreamFilter>& encoded;
    mutable bool failed = false;  // a value or stream could not be read back from libharu

    void value(CompactText& t, const void* o) const {
        if (class_of(o) == HPDF_OCLASS_PROXY) {
            const void* to = target(o);
            const unsigned n = w.number(to);
            if (n == 0) return value(t, to);  // written in place
            return t.reference(n);
        }
        switch (class_of(o)) {
            case HPDF_OCLASS_NULL: return t.number("null");
            case HPDF_OCLASS_BOOLEAN:
                return t.number(static_cast<const HPDF_Boolean_Rec*>(o)->value ? "true" : "false");
            case HPDF_OCLASS_NUMBER:
                return t.number(static_cast<long long>(static_cast<const HPDF_Number_Rec*>(o)->value));
            case HPDF_OCLASS_REAL: {
                char buf[HPDF_REAL_LEN + 1];
                const char* end = HPDF_FToA(buf, static_cast<const HPDF_Real_Rec*>(o)->value, buf + HPDF_REAL_LEN);
                return t.number(std::string_view(buf, static_cast<std::size_t>(end - buf)));
            }
            case HPDF_OCLASS_NAME: return t.name(name(static_cast<const HPDF_Name_Rec*>(o)->value));
            case HPDF_OCLASS_STRING:
            case HPDF_OCLASS_BINARY: {
                HPDF_MemStream_FreeData(scratch);
                const auto text = HPDF_Obj_WriteValue(const_cast<void*>(o), scratch, nullptr) == HPDF_OK
                                      ? stream_bytes(scratch)
                                      : std::nullopt;
                if (!text) failed = true;
                return t.string(text ? *text : "()");
            }
            case HPDF_OCLASS_ARRAY: {
                t.delimiter("[");
                each_item(static_cast<const HPDF_Array_Rec*>(o)->list, [&](void* item) {
                    if (!hidden(item)) value(t, item);
                });
                return t.delimiter("]");
            }
            case HPDF_OCLASS_DICT: return dict(t, static_cast<const HPDF_Dict_Rec*>(o), 0, {});
            default: return t.number("null");
        }
    }

    static std::string name(const char* value) {
        std::string s = "/";
        for (const char* p = value; *p; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (HPDF_NEEDS_ESCAPE(c)) {
                static constexpr char digits[] = "0123456789ABCDEF";
                s += '#';
                s += digits[c >> 4];
                s += digits[c & 0xF];
            } else {
                s += static_cast<char>(c);
            }
        }
        return s;
    }

    // A dictionary; a stream's has its /Length (`length`) and /Filter; `extra` goes at its end.
    void dict(CompactText& t, const HPDF_Dict_Rec* d, std::size_t length, std::string_view extra) const {
        t.delimiter("<<");
        const auto own = d->stream ? encoded.find(d) : encoded.end();
        const bool stream = d->stream != nullptr;
        bool filter_written = false;
        each_item(d->list, [&](void* item) {
            const auto* e = static_cast<const HPDF_DictElement_Rec*>(item);
            if (!e->value || hidden(e->value)) return;
            const std::string_view key(e->key);
            if (stream && key == "Filter") {
                if (own == encoded.end() && d->filter != HPDF_STREAM_FILTER_NONE) {
                    t.name("/Filter");
                    haru_filters(t, d->filter);
                    filter_written = true;
                }
                return;
            }
            t.name(name(e->key));
            if (stream && key == "Length") {
                t.number(static_cast<long long>(length));
                if (own != encoded.end())
                    t.name("/Filter"), t.name(own->second == StreamFilter::Flate ? "/FlateDecode" : "/DCTDecode");
                return;
            }
            value(t, e->value);
        });
        if (stream && own == encoded.end() && d->filter != HPDF_STREAM_FILTER_NONE && !filter_written) {
            t.name("/Filter");
            haru_filters(t, d->filter);
        }
        if (!extra.empty()) t.string(extra);
        t.delimiter(">>");
    }

    // The filters libharu applies when it writes a stream, as it names them.
    static void haru_filters(CompactText& t, unsigned filter) {
        t.delimiter("[");
        if (filter & HPDF_STREAM_FILTER_FLATE_DECODE) t.name("/FlateDecode");
        if (filter & HPDF_STREAM_FILTER_DCT_DECODE) t.name("/DCTDecode");
        t.delimiter("]");
    }

    // A stream's bytes as they go in the file: as they are, or compressed as libharu would;
    // nullopt when libharu cannot give them (out of memory).
    std::optional<std::string> data(const HPDF_Dict_Rec* d) const {
        if (encoded.count(d) || d->filter == HPDF_STREAM_FILTER_NONE) return stream_bytes(d->stream);
        HPDF_MemStream_FreeData(scratch);
        if (HPDF_Stream_WriteToStream(d->stream, scratch, d->filter, nullptr) != HPDF_OK) return std::nullopt;
        return stream_bytes(scratch);
    }
};

ObjectWriter::ObjectWriter(HaruDocument& doc) : doc_(doc) {
    HPDF_Doc pdf = doc.get();
    HPDF_List entries = pdf->xref->entries;
    objects_.assign(entries->count, nullptr);
    each_item(entries, [&, i = 0u](void* item) mutable { objects_[i++] = static_cast<HPDF_XrefEntry>(item)->obj; });
    // libharu completes some dictionaries as it writes them (a page tree's /Count, an
    // outline's): done here, once, before anything is read.
    for (const void* o : objects_)
        if (o && class_of(o) == HPDF_OCLASS_DICT)
            if (auto* d = static_cast<HPDF_Dict>(const_cast<void*>(o)); d->before_write_fn) d->before_write_fn(d);
    // Every reference counted: the trailer's (the catalog, the Info dictionary) and every
    // object's.
    uses_.assign(objects_.size(), 0);
    const auto count = [&](const void* o, auto& self) -> void {
        if (hidden(o)) return;
        switch (class_of(o)) {
            case HPDF_OCLASS_PROXY: {
                const unsigned n = static_cast<const HPDF_Obj_Header*>(target(o))->obj_id & 0x00FFFFFFu;
                if (n < uses_.size()) ++uses_[n];
                return;
            }
            case HPDF_OCLASS_ARRAY:
                each_item(static_cast<const HPDF_Array_Rec*>(o)->list, [&](void* item) { self(item, self); });
                return;
            case HPDF_OCLASS_DICT:
                each_item(static_cast<const HPDF_Dict_Rec*>(o)->list, [&](void* item) {
                    if (auto* e = static_cast<HPDF_DictElement>(item); e->value) self(e->value, self);
                });
                return;
            default: return;
        }
    };
    for (const void* o : objects_)
        if (o) {
            // An indirect object itself is not a use: its contents are.
            if (class_of(o) == HPDF_OCLASS_ARRAY || class_of(o) == HPDF_OCLASS_DICT) count(o, count);
        }
    ++uses_[object_number(pdf->catalog)];
    if (pdf->info) ++uses_[object_number(pdf->info)];
    // Numbered in libharu's order; one number or array used once goes in place of its
    // reference (a stream's /Length, an outline entry's destination).
    final_.assign(objects_.size(), 0);
    for (std::size_t i = 0; i < objects_.size(); ++i) {
        const void* o = objects_[i];
        if (!o) continue;
        const unsigned c = class_of(o);
        const bool stream = c == HPDF_OCLASS_DICT && static_cast<const HPDF_Dict_Rec*>(o)->stream;
        const bool simple = c == HPDF_OCLASS_NUMBER || c == HPDF_OCLASS_REAL || c == HPDF_OCLASS_BOOLEAN ||
                            c == HPDF_OCLASS_NULL || c == HPDF_OCLASS_ARRAY;
        if (!stream && simple && uses_[i] == 1) continue;
        final_[i] = next_++;
    }
    first_own_ = next_;
}

unsigned ObjectWriter::number(const void* object) const {
    const unsigned n = object_number(object);
    return n < final_.size() ? final_[n] : 0;
}

unsigned ObjectWriter::reserve(std::size_t count) {
    const unsigned first = next_;
    next_ += static_cast<unsigned>(count);
    own_.resize(next_ - first_own_);
    return first;
}

void ObjectWriter::set(unsigned number, std::string body) { own_[number - first_own_] = std::move(body); }

Result<std::vector<std::uint8_t>> ObjectWriter::write() {
    HPDF_Doc pdf = doc_.get();
    // Every object is the one numbered when this writer was made, and written as libharu would.
    if (pdf->xref->entries->count != objects_.size()) {
        return Failure{"objects were added after they were numbered"};
    }
    if (const Result<void> supported = unsupported(pdf, objects_); !supported) return Failure{supported.error()};
    std::map<const void*, StreamFilter> encoded;
    for (const auto& [stream, filter] : doc_.encoded()) encoded.emplace(stream, filter);
    const std::unique_ptr<HPDF_Stream_Rec, void (*)(HPDF_Stream)> scratch(HPDF_MemStream_New(pdf->mmgr, 4096),
                                                                          HPDF_Stream_Free);
    if (!scratch) {
        return Failure{"out of memory"};
    }
    const Haru haru{*this, scratch.get(), encoded};
    const unsigned objstm = next_, xref_number = next_ + 1;
    std::vector<std::size_t> offset_of(xref_number + 1, 0);
    std::vector<int> type(xref_number + 1, 0);
    std::vector<std::uint64_t> field3(xref_number + 1, 0);

    std::vector<std::uint8_t> out;
    append(out, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    // Streams, each at its offset; every other object into the object stream.
    std::string index, bodies;
    unsigned packed = 0;
    const auto pack = [&](unsigned n, const std::string& body) {
        if (packed) bodies.push_back('\n');
        index += std::to_string(n) + " " + std::to_string(bodies.size()) + " ";
        bodies += body;
        type[n] = 2;
        field3[n] = packed++;
    };
    for (std::size_t i = 0; i < objects_.size(); ++i) {
        const void* o = objects_[i];
        if (!o || final_[i] == 0) continue;
        const unsigned n = final_[i];
        std::string body;
        CompactText t(body);
        const auto* d = class_of(o) == HPDF_OCLASS_DICT ? static_cast<const HPDF_Dict_Rec*>(o) : nullptr;
        if (d && d->stream) {
            const auto data = haru.data(d);
            if (!data) {
                return Failure{"libharu could not give the bytes of stream " + std::to_string(i) + " (out of memory?)"};
            }
            haru.dict(t, d, data->size(), {});
            offset_of[n] = out.size();
            type[n] = 1;
            append(out, std::to_string(n) + " 0 obj\n" + body + "stream\n");
            append(out, *data);
            append(out, "\nendstream\nendobj\n");
            continue;
        }
        if (d)
            haru.dict(t, d, 0, o == pdf->catalog ? std::string_view(catalog_extra_) : std::string_view());
        else
            haru.value(t, o);
        pack(n, body);
    }
    for (std::size_t k = 0; k < own_.size(); ++k) pack(first_own_ + static_cast<unsigned>(k), own_[k]);
    if (haru.failed) {
        return Failure{"libharu could not give a value back (out of memory?)"};
    }

    const std::string compressed = deflate(index + bodies, Effort::Quick);
    if (compressed.empty()) {
        return Failure{"libdeflate could not compress"};
    }
    offset_of[objstm] = out.size();
    type[objstm] = 1;
    append(out, std::to_string(objstm) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(packed) + "/First " +
                    std::to_string(index.size()) + "/Filter/FlateDecode/Length " + std::to_string(compressed.size()) +
                    ">>stream\n");
    append(out, compressed);
    append(out, "\nendstream\nendobj\n");

    // The cross-reference stream: type 1 (offset) for streams, type 2 (object stream, index)
    // for the packed objects, type 0 for object 0; fields as wide as their largest value, and
    // each row written as its difference from the one above (PNG's Up predictor), so that the
    // table compresses to a few bytes a row.
    offset_of[xref_number] = out.size();
    type[xref_number] = 1;
    std::vector<std::uint64_t> field2(xref_number + 1, 0);
    for (unsigned n = 1; n <= xref_number; ++n) field2[n] = type[n] == 2 ? objstm : offset_of[n];
    const int w2 = bytes_for(*std::max_element(field2.begin(), field2.end()));
    const int w3 = bytes_for(packed == 0 ? 0 : packed - 1);
    field3[0] = (std::uint64_t{1} << (8 * w3)) - 1;  // object 0: free, never to be used
    const int row_size = 1 + w2 + w3;
    std::string rows, table;
    for (std::size_t n = 0; n <= xref_number; ++n) {
        std::string row;
        put_be(row, static_cast<std::uint64_t>(type[n]), 1);
        put_be(row, field2[n], w2);
        put_be(row, field3[n], w3);
        table.push_back(2);  // Up
        for (int b = 0; b < row_size; ++b) {
            const auto above =
                n == 0 ? 0 : static_cast<unsigned char>(rows[rows.size() - static_cast<std::size_t>(row_size - b)]);
            table.push_back(static_cast<char>(static_cast<unsigned char>(row[static_cast<std::size_t>(b)]) - above));
        }
        rows += row;
    }
    const std::string xref = deflate(table, Effort::Quick);
    // The ID: a fingerprint (XXH3, 128 bits) of every byte written before it and of the table
    // that follows.
    const std::string id =
        hex(fingerprint_of({std::string_view(reinterpret_cast<const char*>(out.data()), out.size()), table}));
    std::string dict = "<</Type/XRef/Size " + std::to_string(xref_number + 1) + "/W[1 " + std::to_string(w2) + " " +
                       std::to_string(w3) + "]/Root " + std::to_string(number(pdf->catalog)) + " 0 R";
    if (pdf->info) dict += "/Info " + std::to_string(number(pdf->info)) + " 0 R";
    dict += "/ID[" + id + id + "]";
    dict += "/Filter/FlateDecode/DecodeParms<</Columns " + std::to_string(row_size) + "/Predictor 12>>/Length " +
            std::to_string(xref.size()) + ">>";
    append(out, std::to_string(xref_number) + " 0 obj\n" + dict + "stream\n");
    append(out, xref);
    append(out, "\nendstream\nendobj\nstartxref\n" + std::to_string(offset_of[xref_number]) + "\n%%EOF\n");
    return out;
}

}  // namespace leafpress::pdf
