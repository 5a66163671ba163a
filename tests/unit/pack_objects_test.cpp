#include <catch2/catch.hpp>

#include <zlib.h>

#include <string>

#include "pdf/pack_objects.hpp"

using namespace leafpress::pdf;

namespace {

// A classic PDF as libharu writes one: objects, an xref table of one section, a trailer.
std::vector<std::uint8_t> classic() {
    std::string s = "%PDF-1.7\n";
    std::vector<std::size_t> at;
    const auto obj = [&](const std::string& body) {
        at.push_back(s.size());
        s += std::to_string(at.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    obj("<<\n/Type /Catalog\n/Pages 2 0 R\n>>");
    obj("<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>");
    obj("<<\n/Type /Page\n/Parent 2 0 R\n/Contents 4 0 R\n>>");
    obj("<<\n/Length 5 0 R\n>>\nstream\r\nBT ET\r\nendstream");
    obj("5");
    const std::size_t xref = s.size();
    s += "xref\n0 6\n0000000000 65535 f\r\n";
    for (std::size_t a : at) {
        char e[24];
        std::snprintf(e, sizeof e, "%010zu 00000 n\r\n", a);
        s += e;
    }
    s += "trailer\n<<\n/Root 1 0 R\n/ID [ <00> <00> ]\n/Size 6\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
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

}  // namespace

TEST_CASE("objects that are not streams go into one object stream, with a cross-reference stream", "[pdf]") {
    std::string problem;
    const auto packed = pack_objects(classic(), {}, problem);
    INFO(problem);
    REQUIRE(packed);
    const std::string out(packed->begin(), packed->end());
    // The stream is copied as it was, under its own number.
    CHECK(out.find("4 0 obj\n<<\n/Length 5 0 R\n>>\nstream\r\nBT ET\r\nendstream\nendobj\n") != std::string::npos);
    // The others are in the object stream, numbers and offsets first.
    const std::size_t objstm = out.find("6 0 obj\n<< /Type /ObjStm /N 4 ");
    REQUIRE(objstm != std::string::npos);
    const std::size_t data = out.find("stream\n", objstm) + 7;
    const std::size_t length = std::stoul(out.substr(out.find("/Length ", objstm) + 8));
    const std::string objects = inflate(std::string_view(out).substr(data, length));
    CHECK(objects.starts_with("1 0 2 "));
    CHECK(objects.find("/Type /Catalog") != std::string::npos);
    CHECK(objects.find("/Type /Page\n") != std::string::npos);
    // startxref points at the cross-reference stream, which carries the trailer's keys.
    const std::size_t sx = out.rfind("startxref\n");
    const std::size_t xref = std::stoul(out.substr(sx + 10));
    CHECK(out.substr(xref, 8) == "7 0 obj\n");
    CHECK(out.find("<< /Type /XRef /Size 8 /W [ 1 4 2 ] /Root 1 0 R /ID [ <00> <00> ]", xref) == xref + 8);
    // Entries: object 1 is the object stream's first, 4 is at its offset.
    const std::size_t xdata = out.find("stream\n", xref) + 7;
    const std::size_t xlength = std::stoul(out.substr(out.find("/Length ", xref) + 8));
    const std::string table = inflate(std::string_view(out).substr(xdata, xlength));
    REQUIRE(table.size() == 8 * 7);
    const auto entry = [&](int n, int field) {
        const int widths[] = {1, 4, 2};
        std::size_t p = static_cast<std::size_t>(n) * 7;
        for (int f = 0; f < field; ++f) p += static_cast<std::size_t>(widths[f]);
        std::uint64_t v = 0;
        for (int b = 0; b < widths[field]; ++b) v = (v << 8) | static_cast<unsigned char>(table[p + static_cast<std::size_t>(b)]);
        return v;
    };
    CHECK(entry(1, 0) == 2);
    CHECK(entry(1, 1) == 6);
    CHECK(entry(1, 2) == 0);
    CHECK(entry(4, 0) == 1);
    CHECK(out.substr(entry(4, 1), 8) == "4 0 obj\n");
    CHECK(entry(5, 0) == 2);  // a stream's length may be packed
}

TEST_CASE("a file that is not libharu's classic layout is left to the caller", "[pdf]") {
    std::string problem;
    const std::string junk = "%PDF-1.7\nnot a pdf\n";
    CHECK_FALSE(pack_objects({junk.begin(), junk.end()}, {}, problem));
    CHECK_FALSE(problem.empty());
}

TEST_CASE("objects written without libharu follow its own, and the catalog names them", "[pdf]") {
    std::string problem;
    ExtraObjects extra;
    extra.first = 6;
    extra.bodies = {"<< /Type /StructTreeRoot /K [ 7 0 R ] >>", "<< /Type /StructElem /S /Document /P 6 0 R /K [ ] >>"};
    extra.catalog = "\n/StructTreeRoot 6 0 R";
    const auto packed = pack_objects(classic(), extra, problem);
    INFO(problem);
    REQUIRE(packed);
    const std::string out(packed->begin(), packed->end());
    // Object stream 8, cross-reference stream 9: after the two extra objects.
    const std::size_t objstm = out.find("8 0 obj\n<< /Type /ObjStm /N 6 ");
    REQUIRE(objstm != std::string::npos);
    const std::size_t data = out.find("stream\n", objstm) + 7;
    const std::size_t length = std::stoul(out.substr(out.find("/Length ", objstm) + 8));
    const std::string objects = inflate(std::string_view(out).substr(data, length));
    CHECK(objects.find("/Type /Catalog\n/Pages 2 0 R\n\n/StructTreeRoot 6 0 R\n>>") != std::string::npos);
    CHECK(objects.find("6 ") != std::string::npos);
    CHECK(objects.find("<< /Type /StructElem /S /Document /P 6 0 R /K [ ] >>") != std::string::npos);
    CHECK(out.find("<< /Type /XRef /Size 10 ") != std::string::npos);
    // Numbers that do not follow libharu's are refused.
    extra.first = 9;
    CHECK_FALSE(pack_objects(classic(), extra, problem));
    CHECK(problem == "the extra objects do not follow libharu's");
}
