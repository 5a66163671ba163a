#include "pdf/pdf_objects.hpp"

#include <hpdf_streams.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/numbers.hpp"
#include "core/utf8.hpp"
#include "pdf/deflate.hpp"

namespace leafpress::pdf {

std::string num(double v, int decimals) { return fixed_number(v, decimals); }

std::vector<std::uint8_t> utf16be(std::u32string_view text) {
    std::vector<std::uint8_t> bytes{0xFE, 0xFF};
    const auto put = [&](unsigned u) {
        bytes.push_back(static_cast<std::uint8_t>(u >> 8));
        bytes.push_back(static_cast<std::uint8_t>(u & 0xFF));
    };
    for (char32_t c : text) {
        if (c >= 0x10000) {
            const unsigned v = static_cast<unsigned>(c) - 0x10000;
            put(0xD800 + (v >> 10));
            put(0xDC00 + (v & 0x3FF));
        } else {
            put(static_cast<unsigned>(c));
        }
    }
    return bytes;
}

bool plain_ascii(std::u32string_view text) {
    return std::all_of(text.begin(), text.end(), [](char32_t c) { return c >= 0x20 && c <= 0x7E; });
}

void* text_string(HPDF_Doc doc, std::string_view utf8) {
    const std::u32string text = utf8::decode(utf8).text;
    if (plain_ascii(text)) return HPDF_String_New(doc->mmgr, std::string(utf8).c_str(), nullptr);
    auto bytes = utf16be(text);
    return HPDF_Binary_New(doc->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
}

std::string text_token(std::u32string_view text) {
    if (plain_ascii(text)) {
        std::string out = "(";
        for (char32_t c : text) {
            if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
            out.push_back(static_cast<char>(c));
        }
        return out + ")";
    }
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "<";
    for (std::uint8_t b : utf16be(text)) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out + ">";
}

HPDF_Name name(HPDF_Doc doc, const char* n) { return HPDF_Name_New(doc->mmgr, n); }

std::array<std::uint8_t, 16> fingerprint(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 8; ++i) {
        out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(h.high64 >> (56 - 8 * i));
        out[static_cast<std::size_t>(i + 8)] = static_cast<std::uint8_t>(h.low64 >> (56 - 8 * i));
    }
    return out;
}

unsigned object_number(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFFu; }

void HaruDocument::encoded(HPDF_Dict stream, StreamFilter filter) {
    stream->filter = HPDF_STREAM_FILTER_NONE;
    encoded_.emplace_back(stream, filter);
}

void HaruDocument::release() {
    if (doc_) HPDF_Free(doc_);
    doc_ = nullptr;
    encoded_.clear();
}

HPDF_Dict new_dict(HPDF_Doc doc) {
    HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
    HPDF_Xref_Add(doc->xref, d);
    return d;
}

HPDF_Dict new_stream(HaruDocument& doc, std::span<const std::uint8_t> bytes) {
    HPDF_Dict d = HPDF_DictStream_New(doc.mmgr(), doc.get()->xref);
    // Compressed here (libdeflate), not by libharu (zlib) when it saves.
    const std::string packed = deflate({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
    if (packed.empty()) {
        d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        HPDF_Stream_Write(d->stream, bytes.data(), static_cast<HPDF_UINT>(bytes.size()));
        return d;
    }
    doc.encoded(d, StreamFilter::Flate);
    HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                      static_cast<HPDF_UINT>(packed.size()));
    return d;
}

}  // namespace leafpress::pdf
