// Finishing a PDF: libharu's classic file, read back by libqpdf, written once by QPDFWriter.
// Each property is read back from the finished bytes with libqpdf, as a reader would.
#include <catch2/catch.hpp>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>

#include <memory>
#include <string>
#include <vector>

#include "pdf/finish_pdf.hpp"
#include "pdf/page_content.hpp"

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
    HPDF_SaveToStream(haru.get());
    std::vector<std::uint8_t> classic(HPDF_GetStreamSize(haru.get()));
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(classic.size());
    HPDF_ReadFromStream(haru.get(), classic.data(), &size);
    classic.resize(size);

    pdf::Finishing f;
    f.encoded = haru.encoded_streams();
    pdf::StructElement document{pdf::StructType::Document};
    document.kids.push_back({pdf::StructKid::Kind::Element, 1});
    pdf::StructElement p{pdf::StructType::P, 0};
    p.kids.push_back({pdf::StructKid::Kind::Content, -1, 0, 0});
    f.elements = {document, p};
    pdf::WrittenPages written;
    written.pages.push_back(page);
    written.reading.push_back({0, 0, 0, 0, 842});
    f.written = pdf::structure_objects(written);
    auto bytes = pdf::finish_pdf(classic, f, diags);
    REQUIRE(bytes);
    return {*bytes, content};
}

std::string as_text(const std::vector<std::uint8_t>& b) { return {b.begin(), b.end()}; }

}  // namespace

TEST_CASE("a finished PDF packs its objects into object streams, with a cross-reference stream", "[pdf][finish]") {
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
    CHECK(text.find("/Type /Catalog") == std::string::npos);
    CHECK(text.find("/Type /XRef") != std::string::npos);
    CHECK(text.find("\nxref\n") == std::string::npos);  // no classic table
    CHECK(pdf.getPDFVersion() >= "1.5");
}

TEST_CASE("streams leafpress compressed itself are named FlateDecode and read back as written", "[pdf][finish]") {
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

TEST_CASE("the structure tree is read back from the finished file", "[pdf][finish]") {
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

TEST_CASE("the /ID is computed from the bytes: the same leaflet the same ID, another leaflet another", "[pdf][finish]") {
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

TEST_CASE("bytes libqpdf cannot read are a located pdf.write error, not a crash", "[pdf][finish]") {
    Diagnostics diags;
    const std::string junk = "%PDF-1.7\nthis is not a PDF\n";
    const std::vector<std::uint8_t> classic(junk.begin(), junk.end());
    CHECK_FALSE(pdf::finish_pdf(classic, {}, diags));
    REQUIRE(diags.has_errors());
    CHECK(diags.all().front().code == "pdf.write");
}
