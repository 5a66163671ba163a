#include "pdf/pack_objects.hpp"

#include "pdf/deflate.hpp"
#include "pdf/pdf_syntax.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace leafpress::pdf {

namespace {

using syntax::Token;
using syntax::TokenKind;

struct Object {
    unsigned number = 0;
    std::size_t offset = 0;  // in the classic file
    std::string_view body;   // between "N 0 obj" and "endobj"
    bool stream = false;
    std::string_view text;   // the body, or a stream's dictionary
    std::string_view data;   // a stream's bytes
    // What it is, when it could stand in place of a reference to it: one number, or an array.
    enum class Shape { Other, Number, Array } shape = Shape::Other;
};

bool parse_unsigned(std::string_view s, std::size_t& pos, std::size_t& out) {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\r' || s[pos] == '\n')) ++pos;
    const auto [end, ec] = std::from_chars(s.data() + pos, s.data() + s.size(), out);
    if (ec != std::errc()) return false;
    pos = static_cast<std::size_t>(end - s.data());
    return true;
}

unsigned to_unsigned(std::string_view s) {
    unsigned v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

// Whether tokens[i..i+2] are a reference "N 0 R".
bool reference_at(const std::vector<Token>& t, std::size_t i) {
    return i + 2 < t.size() && t[i].kind == TokenKind::Regular && syntax::is_unsigned(t[i].text) &&
           t[i + 1].kind == TokenKind::Regular && t[i + 1].text == "0" && t[i + 2].kind == TokenKind::Regular &&
           t[i + 2].text == "R";
}

// The value tokens of a dictionary's key (the tokens after it up to the next key at its level).
std::vector<Token> value_of(std::string_view dict, std::string_view key) {
    syntax::Tokenizer in(dict);
    Token t;
    int depth = 0;
    while (in.next(t)) {
        if (t.kind == TokenKind::Delimiter && (t.text == "<<" || t.text == "[")) ++depth;
        if (t.kind == TokenKind::Delimiter && (t.text == ">>" || t.text == "]")) --depth;
        if (depth != 1 || t.kind != TokenKind::Name || t.text != key) continue;
        std::vector<Token> value;
        int d = 0;
        while (in.next(t)) {
            if (d == 0 && ((t.kind == TokenKind::Name && !value.empty()) || (t.kind == TokenKind::Delimiter && t.text == ">>")))
                break;
            if (t.kind == TokenKind::Delimiter && (t.text == "<<" || t.text == "[")) ++d;
            if (t.kind == TokenKind::Delimiter && (t.text == ">>" || t.text == "]")) --d;
            value.push_back(t);
            if (d == 0 && (t.kind == TokenKind::Delimiter || t.kind == TokenKind::Name)) break;
        }
        return value;
    }
    return {};
}

// Whether an object's text is one number, one array, or anything else.
Object::Shape shape_of(std::string_view text) {
    syntax::Tokenizer in(text);
    Token first, t;
    if (!in.next(first)) return Object::Shape::Other;
    if (first.kind == TokenKind::Regular && first.text != "R")
        return in.next(t) || in.broken() ? Object::Shape::Other : Object::Shape::Number;
    if (first.kind != TokenKind::Delimiter || first.text != "[") return Object::Shape::Other;
    int depth = 1;
    while (in.next(t)) {
        if (depth == 0) return Object::Shape::Other;  // something after the array's end
        if (t.kind == TokenKind::Delimiter && (t.text == "[" || t.text == "<<")) ++depth;
        if (t.kind == TokenKind::Delimiter && (t.text == "]" || t.text == ">>")) --depth;
    }
    return depth == 0 && !in.broken() ? Object::Shape::Array : Object::Shape::Other;
}

void put_be(std::string& s, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

int bytes_for(std::uint64_t v) {
    int n = 1;
    while (n < 8 && v >> (8 * n)) ++n;
    return n;
}

// Writes objects again, compactly: references renumbered, and the objects that are only ever
// a value written in place of their one reference (a stream's /Length, an outline entry's
// destination array).
class Renumbering {
public:
    Renumbering(const std::vector<Object>& objects, std::size_t count) : objects_(objects), at_(count, -1), uses_(count, 0) {
        for (std::size_t i = 0; i < objects.size(); ++i) at_[objects[i].number] = static_cast<int>(i);
    }

    // Counts every reference of a text; says what is wrong when one names no object or the text
    // is broken.
    std::optional<std::string> count(std::string_view text) {
        bool known = true;
        const bool whole = syntax::each_token(
            text, [](const Token&) {},
            [&](std::string_view n) {
                const unsigned number = to_unsigned(n);
                if (number >= at_.size() || at_[number] < 0) known = false;
                else ++uses_[number];
            });
        if (!whole) return "is broken";
        if (!known) return "refers to an object that is not there";
        return std::nullopt;
    }

    // Decides what stays an object of its own, numbering those from 1 in their order.
    void number() {
        new_.assign(at_.size(), 0);
        unsigned next = 1;
        for (const Object& o : objects_) {
            if (inlined(o)) continue;
            new_[o.number] = next++;
        }
        kept_ = next - 1;
    }

    [[nodiscard]] bool inlined(const Object& o) const {
        return !o.stream && uses_[o.number] == 1 && o.shape != Object::Shape::Other;
    }
    [[nodiscard]] bool inlined(unsigned number) const { return inlined(objects_[static_cast<std::size_t>(at_[number])]); }
    [[nodiscard]] unsigned new_number(unsigned old) const { return new_[old]; }
    [[nodiscard]] unsigned kept() const { return kept_; }

    void write(std::string_view text, syntax::CompactWriter& w) const {
        syntax::each_token(
            text,
            [&](const Token& t) {
                // A stream leafpress compressed itself names its filter under a key libharu
                // leaves alone; here it becomes /Filter.
                if (t.kind == TokenKind::Name && t.text == kPrecompressed) w.put(TokenKind::Name, "/Filter");
                else w.put(t);
            },
            [&](std::string_view n) {
                const unsigned number = to_unsigned(n);
                if (inlined(number)) {
                    write(objects_[static_cast<std::size_t>(at_[number])].text, w);
                    return;
                }
                w.put(TokenKind::Regular, std::to_string(new_[number]));
                w.put(TokenKind::Regular, "0");
                w.put(TokenKind::Regular, "R");
            });
    }

    [[nodiscard]] std::string text(std::string_view t) const {
        std::string out;
        syntax::CompactWriter w(out);
        write(t, w);
        return out;
    }
    [[nodiscard]] std::string text(const std::vector<Token>& tokens) const {
        std::string joined;
        for (const Token& t : tokens) (joined += t.text) += ' ';
        return text(std::string_view(joined));
    }

private:
    const std::vector<Object>& objects_;
    std::vector<int> at_;  // old number → index in objects_
    std::vector<int> uses_;
    std::vector<unsigned> new_;
    unsigned kept_ = 0;
};

// Splits a stream object's body into its dictionary's tokens and its bytes; false if it is not
// one ("<< ... >> stream EOL bytes EOL endstream", /Length bytes long).
bool split_stream(Object& o, const std::vector<Object>& objects, const std::vector<int>& at, std::string& problem) {
    const std::string what = "stream " + std::to_string(o.number);
    const std::size_t end = syntax::dictionary_end(o.body);
    if (end == std::string_view::npos) {
        problem = what + " has no dictionary";
        return false;
    }
    o.text = o.body.substr(0, end);
    std::size_t p = end;
    while (p < o.body.size() && (o.body[p] == ' ' || o.body[p] == '\r' || o.body[p] == '\n')) ++p;
    if (o.body.substr(p, 6) != "stream") {
        problem = what + " has no stream keyword";
        return false;
    }
    p += 6;
    if (o.body.substr(p, 2) == "\r\n") p += 2;
    else if (o.body.substr(p, 1) == "\n") p += 1;
    else {
        problem = what + ": no end of line after the stream keyword";
        return false;
    }
    const std::vector<Token> length = value_of(o.text, "/Length");
    std::string_view value;
    if (length.size() == 1) {
        value = length[0].text;
    } else if (length.size() == 3 && reference_at(length, 0)) {
        const unsigned n = to_unsigned(length[0].text);
        if (n < at.size() && at[n] >= 0) value = trim(objects[static_cast<std::size_t>(at[n])].body);
    }
    if (!syntax::is_unsigned(value)) {
        problem = what + " has no length";
        return false;
    }
    const std::size_t size = to_unsigned(value);
    if (p + size > o.body.size() || trim(o.body.substr(p + size)) != "endstream") {
        problem = what + " is not as long as its /Length";
        return false;
    }
    o.data = o.body.substr(p, size);
    return true;
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
        objects.push_back({static_cast<unsigned>(i), offset, {}, false, {}, {}, Object::Shape::Other});
    }
    const std::size_t trailer_at = pdf.find("trailer", pos);
    if (trailer_at == std::string_view::npos) {
        problem = "no trailer";
        return std::nullopt;
    }
    const std::size_t trailer_dict = pdf.find("<<", trailer_at);
    if (trailer_dict >= sx || !syntax::tokenize(pdf.substr(trailer_dict, sx - trailer_dict))) {
        problem = "a broken trailer";
        return std::nullopt;
    }
    const std::string_view trailer = pdf.substr(trailer_dict, sx - trailer_dict);

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
    const std::vector<Token> root_value = value_of(trailer, "/Root");
    if (root_value.size() != 3 || !reference_at(root_value, 0)) {
        problem = "no /Root in the trailer";
        return std::nullopt;
    }
    const unsigned root = to_unsigned(root_value[0].text);
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
        objects.push_back({static_cast<unsigned>(count + i), 0, extra.bodies[i], false, {}, {}, Object::Shape::Other});
    count += extra.bodies.size();

    std::vector<int> at(count, -1);
    for (std::size_t i = 0; i < objects.size(); ++i) at[objects[i].number] = static_cast<int>(i);
    for (auto& o : objects) {
        if (o.stream) {
            if (!split_stream(o, objects, at, problem)) return std::nullopt;
            continue;
        }
        o.text = o.body;
        o.shape = shape_of(o.text);
    }
    Renumbering numbers(objects, count);
    for (const auto& o : objects)
        if (auto wrong = numbers.count(o.text)) {
            problem = "object " + std::to_string(o.number) + " " + *wrong;
            return std::nullopt;
        }
    // The trailer's references are uses too: the catalog and the Info dictionary stay objects.
    if (numbers.count(trailer)) {
        problem = "the trailer refers to an object that is not there";
        return std::nullopt;
    }
    numbers.number();

    // The object stream: "number offset" pairs, then the objects one after another.
    std::string index, bodies;
    std::vector<std::pair<unsigned, unsigned>> packed;  // object number, index in the stream
    for (const auto& o : objects) {
        if (o.stream || numbers.inlined(o)) continue;
        if (!packed.empty()) bodies.push_back('\n');
        index += std::to_string(numbers.new_number(o.number)) + " " + std::to_string(bodies.size()) + " ";
        syntax::CompactWriter w(bodies);
        numbers.write(o.text, w);
        packed.emplace_back(numbers.new_number(o.number), static_cast<unsigned>(packed.size()));
    }
    const unsigned kept = numbers.kept();
    const unsigned objstm = kept + 1;
    const unsigned xref_number = objstm + 1;
    const std::string compressed = deflate(index + bodies, Effort::Quick);
    if (compressed.empty()) {
        problem = "libdeflate could not compress";
        return std::nullopt;
    }

    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offset_of(xref_number + 1, 0);
    std::vector<bool> is_stream(xref_number + 1, false);
    for (const auto& o : objects) {
        if (!o.stream) continue;
        const unsigned n = numbers.new_number(o.number);
        offset_of[n] = out.size();
        is_stream[n] = true;
        out += std::to_string(n) + " 0 obj\n";
        out += numbers.text(o.text);
        out += "stream\n";
        out.append(o.data);
        out += "\nendstream\nendobj\n";
    }
    offset_of[objstm] = out.size();
    out += std::to_string(objstm) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(packed.size()) + "/First " +
           std::to_string(index.size()) + "/Filter/FlateDecode/Length " + std::to_string(compressed.size()) + ">>stream\n";
    out += compressed;
    out += "\nendstream\nendobj\n";

    // The cross-reference stream: type 1 (offset) for streams, type 2 (object stream, index)
    // for the packed objects, type 0 for object 0; fields as wide as their largest value, and
    // each row written as its difference from the one above (PNG's Up predictor), so that the
    // table compresses to a few bytes a row.
    offset_of[xref_number] = out.size();
    std::vector<int> type(xref_number + 1, 0);
    std::vector<std::uint64_t> field2(xref_number + 1, 0), field3(xref_number + 1, 0);
    for (unsigned n = 1; n <= xref_number; ++n)
        if (is_stream[n] || n == objstm || n == xref_number) {
            type[n] = 1;
            field2[n] = offset_of[n];
        }
    for (const auto& [number, index_in] : packed) {
        type[number] = 2;
        field2[number] = objstm;
        field3[number] = index_in;
    }
    const int w2 = bytes_for(offset_of[xref_number]);
    const int w3 = bytes_for(packed.empty() ? 0 : packed.size() - 1);
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
            const auto above = n == 0 ? 0 : static_cast<unsigned char>(rows[rows.size() - static_cast<std::size_t>(row_size) + static_cast<std::size_t>(b)]);
            table.push_back(static_cast<char>(static_cast<unsigned char>(row[static_cast<std::size_t>(b)]) - above));
        }
        rows += row;
    }
    const std::string xref = deflate(table, Effort::Quick);
    std::string dict = "<</Type/XRef/Size " + std::to_string(xref_number + 1) + "/W[1 " + std::to_string(w2) + " " +
                       std::to_string(w3) + "]/Root " + numbers.text(root_value);
    if (auto info = value_of(trailer, "/Info"); !info.empty()) dict += "/Info " + numbers.text(info);
    if (auto id = value_of(trailer, "/ID"); !id.empty()) dict += "/ID" + numbers.text(id);
    dict += "/Filter/FlateDecode/DecodeParms<</Columns " + std::to_string(row_size) + "/Predictor 12>>/Length " +
            std::to_string(xref.size()) + ">>";
    out += std::to_string(xref_number) + " 0 obj\n" + dict + "stream\n";
    out += xref;
    out += "\nendstream\nendobj\nstartxref\n" + std::to_string(offset_of[xref_number]) + "\n%%EOF\n";
    return std::vector<std::uint8_t>(out.begin(), out.end());
}

}  // namespace leafpress::pdf
