#include <catch2/catch.hpp>

#include <zlib.h>

#include <string>

#include "pdf/pack_objects.hpp"
#include "pdf/pdf_syntax.hpp"

using namespace leafpress::pdf;

namespace {

// A classic PDF as libharu writes one: objects, an xref table of one section, a trailer. Object
// 5 is the stream's length, 7 an outline entry's destination: each is used once, and goes in
// place of its reference.
std::vector<std::uint8_t> classic() {
    std::string s = "%PDF-1.7\n";
    std::vector<std::size_t> at;
    const auto obj = [&](const std::string& body) {
        at.push_back(s.size());
        s += std::to_string(at.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    obj("<<\n/Type /Catalog\n/Pages 2 0 R\n/Outlines 6 0 R\n>>");
    obj("<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>");
    obj("<<\n/Type /Page\n/Parent 2 0 R\n/Contents 4 0 R\n/Title (a \\) in 9 0 R)\n>>");
    obj("<<\n/Length 5 0 R\n/LeafpressFilter /FlateDecode\n>>\nstream\r\nBT ET\r\nendstream");
    obj("5");
    obj("<<\n/Type /Outlines\n/Dest 7 0 R\n>>");
    obj("[ 3 0 R /FitH 700.5 ]");
    const std::size_t xref = s.size();
    s += "xref\n0 8\n0000000000 65535 f\r\n";
    for (std::size_t a : at) {
        char e[24];
        std::snprintf(e, sizeof e, "%010zu 00000 n\r\n", a);
        s += e;
    }
    s += "trailer\n<<\n/Root 1 0 R\n/ID [ <00> <00> ]\n/Size 8\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return {s.begin(), s.end()};
}

std::string inflate(std::string_view data) {
    std::string out(1 << 16, '\0');
    uLongf size = out.size();
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()), data.size()) != Z_OK)
        return {};
    out.resize(size);
    return out;
}

// A stream object's decoded data: the one whose dictionary starts at `dict`.
std::string stream_at(const std::string& out, std::size_t dict) {
    const std::size_t data = out.find("stream\n", dict) + 7;
    const std::size_t length = std::stoul(out.substr(out.find("/Length ", dict) + 8));
    return inflate(std::string_view(out).substr(data, length));
}

// The rows of a cross-reference stream written with PNG's Up predictor, decoded.
std::vector<std::string> xref_rows(const std::string& table, std::size_t columns) {
    std::vector<std::string> rows;
    std::string above(columns, '\0');
    for (std::size_t p = 0; p + columns + 1 <= table.size(); p += columns + 1) {
        REQUIRE(table[p] == 2);  // Up
        std::string row(columns, '\0');
        for (std::size_t b = 0; b < columns; ++b)
            row[b] = static_cast<char>(static_cast<unsigned char>(table[p + 1 + b]) + static_cast<unsigned char>(above[b]));
        rows.push_back(row);
        above = row;
    }
    return rows;
}

std::uint64_t field(const std::string& row, std::size_t from, std::size_t width) {
    std::uint64_t v = 0;
    for (std::size_t b = 0; b < width; ++b) v = (v << 8) | static_cast<unsigned char>(row[from + b]);
    return v;
}

}  // namespace

TEST_CASE("PDF objects are written again with separators only where tokens would run together", "[pdf]") {
    const auto tokens = syntax::tokenize("<<\n/Type /Page\n/Kids [ 3 0 R ]\n/N 3 /S (a \\) (b\n) ) /H <0A 1B> /B true\n>>");
    REQUIRE(tokens);
    std::string out;
    syntax::CompactWriter w(out);
    for (const auto& t : *tokens) w.put(t);
    CHECK(out == "<</Type/Page/Kids[3 0 R]/N 3/S(a \\) (b\n) )/H<0A 1B>/B true>>");
    CHECK_FALSE(syntax::tokenize("(unclosed"));
    CHECK(syntax::dictionary_end("<< /A (>>) /B << /C 1 >> >> stream") == std::string_view("<< /A (>>) /B << /C 1 >> >>").size());
}

TEST_CASE("objects that are not streams go into one object stream, with a cross-reference stream", "[pdf]") {
    std::string problem;
    const auto packed = pack_objects(classic(), {}, problem);
    INFO(problem);
    REQUIRE(packed);
    const std::string out(packed->begin(), packed->end());
    // Objects 5 (the length) and 7 (the destination) are written where they were referred to;
    // the rest are numbered again from 1: 6 becomes 5. A reference inside a string is text.
    CHECK(out.find("4 0 obj\n<</Length 5/Filter/FlateDecode>>stream\nBT ET\nendstream\nendobj\n") != std::string::npos);
    const std::size_t objstm = out.find("6 0 obj\n<</Type/ObjStm/N 4/");
    REQUIRE(objstm != std::string::npos);
    const std::string objects = stream_at(out, objstm);
    CHECK(objects.starts_with("1 0 2 "));
    CHECK(objects.find("<</Type/Catalog/Pages 2 0 R/Outlines 5 0 R>>") != std::string::npos);
    CHECK(objects.find("<</Type/Page/Parent 2 0 R/Contents 4 0 R/Title(a \\) in 9 0 R)>>") != std::string::npos);
    CHECK(objects.find("<</Type/Outlines/Dest[3 0 R/FitH 700.5]>>") != std::string::npos);
    // startxref points at the cross-reference stream, which carries the trailer's keys.
    const std::size_t sx = out.rfind("startxref\n");
    const std::size_t xref = std::stoul(out.substr(sx + 10));
    CHECK(out.substr(xref, 8) == "7 0 obj\n");
    CHECK(out.find("<</Type/XRef/Size 8/W[1 2 1]/Root 1 0 R/ID[<00><00>]", xref) == xref + 8);
    CHECK(out.find("/DecodeParms<</Columns 4/Predictor 12>>", xref) != std::string::npos);
    const auto rows = xref_rows(stream_at(out, xref), 4);
    REQUIRE(rows.size() == 8);
    CHECK(field(rows[0], 0, 1) == 0);  // object 0: free
    CHECK(field(rows[1], 0, 1) == 2);  // object 1: the object stream's first
    CHECK(field(rows[1], 1, 2) == 6);
    CHECK(field(rows[1], 3, 1) == 0);
    CHECK(field(rows[5], 3, 1) == 3);  // the outline, the stream's fourth
    CHECK(field(rows[4], 0, 1) == 1);  // the content stream, at its offset
    CHECK(out.substr(field(rows[4], 1, 2), 8) == "4 0 obj\n");
    CHECK(out.substr(field(rows[7], 1, 2), 8) == "7 0 obj\n");
}

TEST_CASE("a file that is not libharu's classic layout is left to the caller", "[pdf]") {
    std::string problem;
    const std::string junk = "%PDF-1.7\nnot a pdf\n";
    CHECK_FALSE(pack_objects({junk.begin(), junk.end()}, {}, problem));
    CHECK_FALSE(problem.empty());
    // A stream shorter than its /Length says.
    auto broken = classic();
    std::string text(broken.begin(), broken.end());
    text.replace(text.find("\n5\nendobj"), 3, "\n9\n");
    CHECK_FALSE(pack_objects({text.begin(), text.end()}, {}, problem));
    CHECK(problem == "stream 4 is not as long as its /Length");
}

TEST_CASE("objects written without libharu follow its own, and the catalog names them", "[pdf]") {
    std::string problem;
    ExtraObjects extra;
    extra.first = 8;
    extra.bodies = {"<< /Type /StructTreeRoot /K [ 9 0 R ] >>", "<< /S /Document /P 8 0 R /K [ ] >>"};
    extra.catalog = "\n/StructTreeRoot 8 0 R";
    const auto packed = pack_objects(classic(), extra, problem);
    INFO(problem);
    REQUIRE(packed);
    const std::string out(packed->begin(), packed->end());
    // Seven objects stay (8 and 9 become 6 and 7); object stream 8, cross-reference stream 9.
    const std::size_t objstm = out.find("8 0 obj\n<</Type/ObjStm/N 6/");
    REQUIRE(objstm != std::string::npos);
    const std::string objects = stream_at(out, objstm);
    CHECK(objects.find("<</Type/Catalog/Pages 2 0 R/Outlines 5 0 R/StructTreeRoot 6 0 R>>") != std::string::npos);
    CHECK(objects.find("<</Type/StructTreeRoot/K[7 0 R]>>") != std::string::npos);
    CHECK(objects.find("<</S/Document/P 6 0 R/K[]>>") != std::string::npos);
    CHECK(out.find("<</Type/XRef/Size 10/") != std::string::npos);
    // Numbers that do not follow libharu's are refused, and so are references to nothing.
    extra.first = 9;
    CHECK_FALSE(pack_objects(classic(), extra, problem));
    CHECK(problem == "the extra objects do not follow libharu's");
    extra.first = 8;
    extra.bodies[1] = "<< /S /Document /P 12 0 R >>";
    CHECK_FALSE(pack_objects(classic(), extra, problem));
    CHECK(problem == "object 9 refers to an object that is not there");
}
