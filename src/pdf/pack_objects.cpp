#include "pdf/pack_objects.hpp"

#include "pdf/deflate.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace leafpress::pdf {

namespace {

struct Object {
    unsigned number = 0;
    std::size_t offset = 0;  // in the classic file
    std::string_view body;   // between "N 0 obj\n" and "endobj"
    bool stream = false;
};

bool parse_unsigned(std::string_view s, std::size_t& pos, std::size_t& out) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\r' || s[pos] == '\n')) ++pos;
    const auto [end, ec] = std::from_chars(s.data() + pos, s.data() + s.size(), out);
    if (ec != std::errc()) return false;
    pos = static_cast<std::size_t>(end - s.data());
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

// The value of a key in the trailer dictionary, up to the next key or the dictionary's end.
std::string_view trailer_value(std::string_view trailer, std::string_view key) {
    const std::size_t k = trailer.find(key);
    if (k == std::string_view::npos) return {};
    std::size_t v = k + key.size();
    std::size_t end = v;
    int depth = 0;
    while (end < trailer.size()) {
        const char c = trailer[end];
        if (c == '[') ++depth;
        if (c == ']') --depth;
        if (depth == 0 && (c == '/' || (c == '>' && end + 1 < trailer.size() && trailer[end + 1] == '>'))) break;
        ++end;
    }
    return trim(trailer.substr(v, end - v));
}

void put_be(std::string& s, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

}  // namespace

std::optional<std::vector<std::uint8_t>> pack_objects(const std::vector<std::uint8_t>& classic, const ExtraObjects& extra,
                                                      std::string& problem) {
    const std::string_view pdf(reinterpret_cast<const char*>(classic.data()), classic.size());
    // The cross-reference table: where each object starts.
    const std::size_t sx = pdf.rfind("startxref");
    if (sx == std::string_view::npos) {
        problem = "no startxref";
        return std::nullopt;
    }
    std::size_t pos = sx + 9, xref_at = 0;
    if (!parse_unsigned(pdf, pos, xref_at) || pdf.substr(xref_at, 4) != "xref") {
        problem = "no classic cross-reference table";
        return std::nullopt;
    }
    pos = xref_at + 4;
    std::size_t first = 0, count = 0;
    if (!parse_unsigned(pdf, pos, first) || !parse_unsigned(pdf, pos, count) || first != 0 || count < 2) {
        problem = "a cross-reference table of more than one section";
        return std::nullopt;
    }
    while (pos < pdf.size() && pdf[pos] != '0' && (pdf[pos] == '\r' || pdf[pos] == '\n' || pdf[pos] == ' ')) ++pos;
    std::vector<Object> objects;
    for (std::size_t i = 0; i < count; ++i) {
        if (pos + 20 > pdf.size()) {
            problem = "a truncated cross-reference table";
            return std::nullopt;
        }
        const std::string_view entry = pdf.substr(pos, 20);
        pos += 20;
        if (entry[17] != 'n') continue;
        std::size_t p = 0, offset = 0, generation = 0;
        if (!parse_unsigned(entry, p, offset) || !parse_unsigned(entry, p, generation) || generation != 0) {
            problem = "an object of a generation other than 0";
            return std::nullopt;
        }
        objects.push_back({static_cast<unsigned>(i), offset, {}, false});
    }
    const std::size_t trailer_at = pdf.find("trailer", pos);
    if (trailer_at == std::string_view::npos) {
        problem = "no trailer";
        return std::nullopt;
    }
    const std::string_view trailer = pdf.substr(trailer_at, sx - trailer_at);

    // Each object's body: from after its "N 0 obj" to its "endobj", which comes before the next
    // object in the file (or the table).
    std::vector<std::size_t> starts;
    for (const auto& o : objects) starts.push_back(o.offset);
    starts.push_back(xref_at);
    std::sort(starts.begin(), starts.end());
    for (auto& o : objects) {
        const std::size_t next = *std::upper_bound(starts.begin(), starts.end(), o.offset);
        std::string_view whole = pdf.substr(o.offset, next - o.offset);
        const std::size_t head = whole.find("obj");
        const std::size_t tail = whole.rfind("endobj");
        if (head == std::string_view::npos || tail == std::string_view::npos || tail < head + 3) {
            problem = "object " + std::to_string(o.number) + " is not where the table says";
            return std::nullopt;
        }
        std::size_t p = 0, number = 0;
        if (!parse_unsigned(whole, p, number) || number != o.number) {
            problem = "object " + std::to_string(o.number) + " has another number";
            return std::nullopt;
        }
        o.body = trim(whole.substr(head + 3, tail - head - 3));
        o.stream = o.body.size() >= 9 && o.body.substr(o.body.size() - 9) == "endstream";
    }

    // The extra objects follow libharu's; the catalog gets the text that names them.
    if (!extra.bodies.empty() && extra.first != count) {
        problem = "the extra objects do not follow libharu's";
        return std::nullopt;
    }
    std::size_t root = 0;
    {
        std::size_t p = 0;
        if (!parse_unsigned(trailer_value(trailer, "/Root"), p, root)) {
            problem = "no /Root in the trailer";
            return std::nullopt;
        }
    }
    std::string catalog;
    for (auto& o : objects)
        if (o.number == root && !extra.catalog.empty()) {
            const std::size_t end = o.body.rfind(">>");
            if (o.stream || end == std::string_view::npos) {
                problem = "the catalog is not a dictionary";
                return std::nullopt;
            }
            catalog = std::string(o.body.substr(0, end)) + extra.catalog + "\n>>";
            o.body = catalog;
        }
    for (std::size_t i = 0; i < extra.bodies.size(); ++i)
        objects.push_back({static_cast<unsigned>(count + i), 0, extra.bodies[i], false});
    count += extra.bodies.size();

    // The object stream: "number offset" pairs, then the objects one after another.
    std::string index, bodies;
    std::vector<std::pair<unsigned, unsigned>> packed;  // object number, index in the stream
    for (const auto& o : objects) {
        if (o.stream) continue;
        index += std::to_string(o.number) + " " + std::to_string(bodies.size()) + " ";
        bodies.append(o.body);
        bodies.push_back('\n');
        packed.emplace_back(o.number, static_cast<unsigned>(packed.size()));
    }
    const unsigned objstm = static_cast<unsigned>(count);
    const unsigned xref_number = objstm + 1;
    const std::string compressed = deflate(index + bodies);
    if (compressed.empty()) {
        problem = "libdeflate could not compress";
        return std::nullopt;
    }

    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offset_of(count + 2, 0);
    for (const auto& o : objects) {
        if (!o.stream) continue;
        offset_of[o.number] = out.size();
        out += std::to_string(o.number) + " 0 obj\n";
        // A stream leafpress compressed itself names its filter under a key libharu leaves
        // alone (kPrecompressed); here it becomes /Filter.
        const std::size_t data = o.body.find("stream");
        const std::size_t key = o.body.substr(0, data).find(kPrecompressed);
        if (key != std::string_view::npos) {
            out.append(o.body.substr(0, key));
            out += "/Filter";
            out.append(o.body.substr(key + kPrecompressed.size()));
        } else {
            out.append(o.body);
        }
        out += "\nendobj\n";
    }
    offset_of[objstm] = out.size();
    out += std::to_string(objstm) + " 0 obj\n<< /Type /ObjStm /N " + std::to_string(packed.size()) + " /First " +
           std::to_string(index.size()) + " /Filter /FlateDecode /Length " + std::to_string(compressed.size()) +
           " >>\nstream\n";
    out += compressed;
    out += "\nendstream\nendobj\n";

    // The cross-reference stream: type 1 (offset) for streams, type 2 (object stream, index)
    // for the packed objects, type 0 for free numbers; fields of 1, 4 and 2 bytes.
    offset_of[xref_number] = out.size();
    std::vector<int> type(count + 2, 0);
    std::vector<std::uint64_t> field2(count + 2, 0), field3(count + 2, 0);
    for (const auto& o : objects)
        if (o.stream) {
            type[o.number] = 1;
            field2[o.number] = offset_of[o.number];
        }
    for (const auto& [number, at] : packed) {
        type[number] = 2;
        field2[number] = objstm;
        field3[number] = at;
    }
    type[objstm] = 1;
    field2[objstm] = offset_of[objstm];
    type[xref_number] = 1;
    field2[xref_number] = offset_of[xref_number];
    field3[0] = 65535;
    std::string table;
    for (std::size_t n = 0; n < count + 2; ++n) {
        put_be(table, static_cast<std::uint64_t>(type[n]), 1);
        put_be(table, field2[n], 4);
        put_be(table, field3[n], 2);
    }
    const std::string xref = deflate(table);
    std::string dict = "<< /Type /XRef /Size " + std::to_string(count + 2) + " /W [ 1 4 2 ] /Root " +
                       std::string(trailer_value(trailer, "/Root"));
    if (auto info = trailer_value(trailer, "/Info"); !info.empty()) dict += " /Info " + std::string(info);
    if (auto id = trailer_value(trailer, "/ID"); !id.empty()) dict += " /ID " + std::string(id);
    dict += " /Filter /FlateDecode /Length " + std::to_string(xref.size()) + " >>";
    out += std::to_string(xref_number) + " 0 obj\n" + dict + "\nstream\n";
    out += xref;
    out += "\nendstream\nendobj\nstartxref\n" + std::to_string(offset_of[xref_number]) + "\n%%EOF\n";
    return std::vector<std::uint8_t>(out.begin(), out.end());
}

}  // namespace leafpress::pdf
