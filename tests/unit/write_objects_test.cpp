// The one writer of a PDF's bytes (ObjectWriter), from libharu's objects and the structure
// tree's. Each property is read back from the written bytes with libqpdf, as a reader would.
#include <catch2/catch.hpp>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>

#include <memory>
#include <string>
#include <vector>

#include "pdf/page_content.hpp"
#include "pdf/structure.hpp"
#include "pdf/write_objects.hpp"

using namespace leafpress;

namespace {

struct Leaflet {
    std::vector<std::uint8_t> bytes;
    std::string content;  // what the page's content stream held
};

// One page whose content stream leafpress compressed itself, a second stream made with
// new_stream, and a tree Document > P with the page's one marked-content sequence.
Leaflet make(const std::string& text, Diagnostics& diags) {
    pdf::HaruDocument haru(nullptr, nullptr);
    REQUIRE(haru.get());
    HPDF_SetCompressionMode(haru.get(), HPDF_COMP_ALL);
    HPDF_Page page = HPDF_AddPage(haru.get());
    const std::string content = "/P <</MCID 0>> BDC\n0 0 1 rg 10 10 " + std::to_string(text.size()) + " 5 re f\nEMC\n";
    pdf::write_content(page, content);
    pdf::compress_content(haru, page);
    const std::string extra = "extra " + text;
    HPDF_Dict stream = pdf::new_stream(haru, {reinterpret_cast<const std::uint8_t*>(extra.data()), extra.size()});
    HPDF_Dict_Add(haru.get()->catalog, "LeafpressTest", stream);
    pdf::StructElement document{pdf::StructType::Document};
    document.kids.push_back({pdf::StructKid::Kind::Element, 1});
    pdf::StructElement p{pdf::StructType::P, 0};
    p.kids.push_back({pdf::StructKid::Kind::Content, -1, 0, 0});
    pdf::WrittenPages written;
    written.pages.push_back(page);
    written.reading.push_back({0, 0, 0, 0, 842});
    pdf::ObjectWriter writer(haru);
    pdf::write_structure(haru.get(), {document, p}, written, writer);
    auto bytes = writer.write();
    INFO(bytes.error());
    REQUIRE(bytes);
    REQUIRE_FALSE(bytes->empty());
    (void)diags;
    return {*bytes, content};
}

std::string as_text(const std::vector<std::uint8_t>& b) { return {b.begin(), b.end()}; }

}  // namespace

TEST_CASE("a finished PDF packs its objects into object streams, with a cross-reference stream", "[pdf][writer]") {
    Diagnostics diags;
    const Leaflet l = make("knee", diags);
    CHECK_FALSE(diags.has_errors());
    QPDF pdf;
    pdf.processMemoryFile("t", reinterpret_cast<const char*>(l.bytes.data()), l.bytes.size());
    CHECK_FALSE(pdf.anyWarnings());
    int object_streams = 0;
    for (auto& o : pdf.getAllObjects())
        if (o.isStream() && o.getDict().getKey("/Type").isNameAndEquals("/ObjStm")) ++object_streams;
    CHECK(object_streams >= 1);
    // The page and catalog are inside an object stream, not at an offset of their own.
    const std::string text = as_text(l.bytes);
    CHECK(text.find("/Catalog") == std::string::npos);
    CHECK(text.find("/Type/XRef") != std::string::npos);
    CHECK(text.find("\nxref\n") == std::string::npos);  // no classic table
    CHECK(pdf.getPDFVersion() >= "1.5");
}

TEST_CASE("streams leafpress compressed itself are named FlateDecode and read back as written", "[pdf][writer]") {
    Diagnostics diags;
    const Leaflet l = make("knee", diags);
    const std::string text = as_text(l.bytes);
    CHECK(text.find("/LeafpressFilter") == std::string::npos);
    QPDF pdf;
    pdf.processMemoryFile("t", reinterpret_cast<const char*>(l.bytes.data()), l.bytes.size());
    QPDFObjectHandle page = pdf.getAllPages().at(0);
    QPDFObjectHandle contents = page.getKey("/Contents");
    REQUIRE(contents.isStream());
    CHECK(contents.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode"));
    auto data = contents.getStreamData(qpdf_dl_generalized);
    CHECK(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()) == l.content);
    QPDFObjectHandle extra = pdf.getRoot().getKey("/LeafpressTest");
    REQUIRE(extra.isStream());
    CHECK(extra.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode"));
    data = extra.getStreamData(qpdf_dl_generalized);
    CHECK(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()) == "extra knee");
    // PDF/A: an end-of-line marker before every endstream.
    for (std::size_t at = text.find("endstream"); at != std::string::npos; at = text.find("endstream", at + 1)) {
        CAPTURE(at);
        CHECK((text[at - 1] == '\n' || text[at - 1] == '\r'));
    }
}

TEST_CASE("the structure tree is read back from the finished file", "[pdf][writer]") {
    Diagnostics diags;
    const Leaflet l = make("knee", diags);
    QPDF pdf;
    pdf.processMemoryFile("t", reinterpret_cast<const char*>(l.bytes.data()), l.bytes.size());
    QPDFObjectHandle catalog = pdf.getRoot();
    CHECK(catalog.getKey("/MarkInfo").getKey("/Marked").isBool());
    CHECK(catalog.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
    QPDFObjectHandle root = catalog.getKey("/StructTreeRoot");
    REQUIRE(root.isDictionary());
    CHECK(root.getKey("/Type").isNameAndEquals("/StructTreeRoot"));
    QPDFObjectHandle document = root.getKey("/K").getArrayItem(0);
    CHECK(document.getKey("/S").isNameAndEquals("/Document"));
    CHECK(document.getKey("/P").getObjGen() == root.getObjGen());
    QPDFObjectHandle p = document.getKey("/K");
    REQUIRE(p.isDictionary());
    CHECK(p.getKey("/S").isNameAndEquals("/P"));
    CHECK(p.getKey("/P").getObjGen() == document.getObjGen());
    CHECK(p.getKey("/K").isInteger());
    CHECK(p.getKey("/K").getIntValue() == 0);
    QPDFObjectHandle page = pdf.getAllPages().at(0);
    CHECK(p.getKey("/Pg").getObjGen() == page.getObjGen());
    CHECK(page.getKey("/StructParents").getIntValue() == 0);
    CHECK(page.getKey("/Tabs").isNameAndEquals("/S"));
    // The ParentTree maps the page's MCID 0 to the P element.
    QPDFObjectHandle nums = root.getKey("/ParentTree").getKey("/Nums");
    REQUIRE(nums.getArrayNItems() == 2);
    CHECK(nums.getArrayItem(0).getIntValue() == 0);
    CHECK(nums.getArrayItem(1).getArrayItem(0).getObjGen() == p.getObjGen());
    CHECK(root.getKey("/ParentTreeNextKey").getIntValue() == 1);
}

TEST_CASE("the /ID is computed from the bytes: the same leaflet the same ID, another leaflet another",
          "[pdf][writer]") {
    Diagnostics diags;
    const Leaflet a = make("knee", diags), again = make("knee", diags), other = make("elbow", diags);
    CHECK(a.bytes == again.bytes);
    const auto id = [](const Leaflet& l) {
        QPDF pdf;
        pdf.processMemoryFile("t", reinterpret_cast<const char*>(l.bytes.data()), l.bytes.size());
        QPDFObjectHandle ids = pdf.getTrailer().getKey("/ID");
        REQUIRE(ids.isArray());
        REQUIRE(ids.getArrayNItems() == 2);
        CHECK(ids.getArrayItem(0).getStringValue().size() == 16);
        return ids.getArrayItem(0).getStringValue();
    };
    CHECK(id(a) == id(again));
    CHECK(id(a) != id(other));
    CHECK(id(a) != std::string(16, '\0'));
}

TEST_CASE("a stream libharu compresses is compressed as it would, and a stream's length is written in place",
          "[pdf][writer]") {
    pdf::HaruDocument haru(nullptr, nullptr);
    HPDF_SetCompressionMode(haru.get(), HPDF_COMP_ALL);
    HPDF_Page page = HPDF_AddPage(haru.get());
    const std::vector<std::uint8_t> grey(64 * 64, 0x80);
    HPDF_Image image = HPDF_LoadRawImageFromMem(haru.get(), grey.data(), 64, 64, HPDF_CS_DEVICE_GRAY, 8);
    REQUIRE(image);
    HPDF_Page_DrawImage(page, image, 0, 0, 64, 64);
    pdf::ObjectWriter writer(haru);
    pdf::write_structure(haru.get(), {pdf::StructElement{pdf::StructType::Document}}, {{page}, {{0, 0, 0, 0, 842}}, {}},
                         writer);
    const auto bytes = writer.write();
    REQUIRE(bytes);
    const std::string text(bytes->begin(), bytes->end());
    QPDF pdf;
    pdf.processMemoryFile("t", text.data(), text.size());
    CHECK_FALSE(pdf.anyWarnings());
    QPDFObjectHandle first = pdf.getAllPages().at(0);
    QPDFObjectHandle xobject = first.getKey("/Resources").getKey("/XObject");
    REQUIRE(xobject.isDictionary());
    QPDFObjectHandle img = xobject.getKey(xobject.getKeys().begin()->c_str());
    REQUIRE(img.isStream());
    CHECK(img.getDict().getKey("/Filter").isArray());
    CHECK(img.getDict().getKey("/Filter").getArrayItem(0).isNameAndEquals("/FlateDecode"));
    CHECK(img.getDict().getKey("/Length").isInteger());  // not a reference to an object of its own
    auto data = img.getStreamData(qpdf_dl_generalized);
    REQUIRE(data->getSize() == grey.size());
    CHECK(std::equal(grey.begin(), grey.end(), data->getBuffer()));
    // Every length in the file is in place: no object is a lone number.
    for (auto& o : pdf.getAllObjects()) CHECK_FALSE(o.isInteger());
}

TEST_CASE("what the writer cannot write as libharu would is refused, not left out", "[pdf][writer]") {
    // libharu's own fonts write part of their dictionaries with code of their own.
    pdf::HaruDocument haru(nullptr, nullptr);
    HPDF_Page page = HPDF_AddPage(haru.get());
    HPDF_Font font = HPDF_GetFont(haru.get(), "Helvetica", nullptr);
    REQUIRE(font);
    HPDF_Page_SetFontAndSize(page, font, 12);
    pdf::ObjectWriter writer(haru);
    const auto refused = writer.write();
    CHECK_FALSE(refused);
    CHECK(refused.error().find("libharu writes itself") != std::string::npos);
}

TEST_CASE("an element whose one kid is an annotation that was not made has an empty /K", "[pdf][writer]") {
    pdf::HaruDocument haru(nullptr, nullptr);
    HPDF_Page page = HPDF_AddPage(haru.get());
    pdf::StructElement document{pdf::StructType::Document};
    document.kids.push_back({pdf::StructKid::Kind::Element, 1});
    pdf::StructElement link{pdf::StructType::Link, 0};
    link.kids.push_back({pdf::StructKid::Kind::Annotation, -1, 0, -1, 0});
    pdf::ObjectWriter writer(haru);
    pdf::write_structure(haru.get(), {document, link}, {{page}, {{0, 0, 0, 0, 842}}, {}}, writer);
    const auto bytes = writer.write();
    REQUIRE(bytes);
    QPDF pdf;
    pdf.processMemoryFile("t", reinterpret_cast<const char*>(bytes->data()), bytes->size());
    QPDFObjectHandle element = pdf.getRoot().getKey("/StructTreeRoot").getKey("/K").getArrayItem(0).getKey("/K");
    CHECK_FALSE(pdf.anyWarnings());
    REQUIRE(element.getKey("/K").isArray());
    CHECK(element.getKey("/K").getArrayNItems() == 0);
}
