// The PDF writer (src/pdf/write_pdf.cpp, page_content.cpp, structure.cpp) tested through what a
// reader of its bytes sees, parsed with libqpdf: pages and their boxes, fonts and their ToUnicode
// maps, the structure tree, /MarkInfo, /Lang, the XMP metadata and the /ID. Never object numbers,
// byte offsets or how the objects are packed: the writer is free to change those.
#include <catch2/catch.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <sstream>

#include "content/load_content.hpp"
#include "core/utf8.hpp"
#include "layout/flow.hpp"
#include "pdf/structure.hpp"
#include "pdf/write_pdf.hpp"
#include "pdf_read.hpp"
#include "style/layout.hpp"
#include "support.hpp"

using namespace leafpress;
using Handle = QPDFObjectHandle;

namespace {

const text::FontChain& fonts() {
    static Diagnostics setup;
    static const text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    static const text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
    return chain;
}

LaidOut lay_out(const std::string& content, const std::string& layout_name = "a4") {
    Diagnostics d;
    auto doc = load_content_text(content, LEAFPRESS_TEST_DATA "/c.toml", d, ImageLoading::Decode, nullptr,
                                 &test::translations());
    REQUIRE(doc);
    Brand brand;
    brand.name = "Test Clinic";
    brand.phone = "(555) 010-0199";
    brand.tel = "tel:555-010-0199";
    brand.website = "https://example.org";
    brand.website_uri = "https://example.org";
    Layout layout = *load_layout(test::repo_dir() + "/layouts/" + layout_name + ".toml", d);
    LaidOut laid = flow(*doc, brand, layout, {fonts(), nullptr}, d);
    INFO(test::messages(d));
    REQUIRE_FALSE(d.has_errors());
    return laid;
}

std::string write(LaidOut laid, const PdfOptions& options = {"2026-10-01", srgb_icc_profile(), nullptr}) {
    Diagnostics d;
    auto bytes = write_pdf(std::move(laid), options, d);
    INFO(test::messages(d));
    REQUIRE(bytes);
    return {bytes->begin(), bytes->end()};
}

const std::string kLeaflet =
    "title = \"Heading and paragraph\"\n"
    "reviewed = 2026-10-01\n"
    "[[section]]\nheading = \"What it is\"\n"
    "body = \"\"\"\nOne paragraph with [a link](https://lupus.example.org).\n\n"
    "![A knee joint](logo.png \"The knee\")\n\n"
    "| Medicine | Dose |\n|---|---|\n| Ibuprofen | 200 mg |\n\"\"\"\n";

std::string long_leaflet(const std::string& title, int sections) {
    std::string s = "title = \"" + title + "\"\nreviewed = 2026-10-01\n";
    for (int i = 0; i < sections; ++i) {
        s += "[[section]]\nheading = \"Heading " + std::to_string(i) + "\"\nbody = \"\"\"\n";
        for (int p = 0; p < 4; ++p)
            s += "A paragraph that goes on for a while so that it needs several lines on the page, and the flow "
                 "splits the leaflet over pages when one is full.\n\n";
        s += "\"\"\"\n";
    }
    return s;
}

std::vector<double> box(Handle page, const char* key) {
    std::vector<double> out;
    for (auto& x : page.getKey(key).getArrayAsVector()) out.push_back(x.getNumericValue());
    return out;
}

// Every element of the tree below `e`, in the order of their /K.
void elements(Handle e, std::vector<Handle>& out) {
    Handle k = e.getKey("/K");
    for (auto& kid : k.isArray() ? k.getArrayAsVector() : std::vector<Handle>{k})
        if (kid.isDictionary() && kid.hasKey("/S")) {
            out.push_back(kid);
            elements(kid, out);
        }
}

std::vector<Handle> tree(QPDF& pdf) {
    std::vector<Handle> out;
    elements(pdf.getRoot().getKey("/StructTreeRoot"), out);
    return out;
}

// A font's ToUnicode CMap, read as a text extractor reads it: its codespace ranges (how many
// bytes a code takes) and what each code stands for (bfchar and bfrange).
class ToUnicode {
public:
    explicit ToUnicode(const std::string& cmap) {
        std::istringstream in(cmap);
        enum { None, Space, Char, Range } section = None;
        for (std::string line; std::getline(in, line);) {
            if (line.find("begincodespacerange") != std::string::npos)
                section = Space;
            else if (line.find("beginbfchar") != std::string::npos)
                section = Char;
            else if (line.find("beginbfrange") != std::string::npos)
                section = Range;
            else if (line.find("endcodespacerange") != std::string::npos || line.find("endbf") != std::string::npos)
                section = None;
            else if (section != None)
                add(section == Space ? 0 : section == Char ? 1 : 2, fields(line));
        }
    }
    // The characters a shown string stands for; U+FFFD for a code that maps to nothing.
    [[nodiscard]] std::u32string decode(const std::string& bytes) const {
        std::u32string out;
        for (std::size_t i = 0; i < bytes.size();) {
            std::size_t len = 0;
            for (const auto& [n, lo, hi] : spaces_)
                if (i + n <= bytes.size() && value(bytes.substr(i, n)) >= lo && value(bytes.substr(i, n)) <= hi) {
                    len = n;
                    break;
                }
            if (len == 0) len = 1;
            auto it = codes_.find(bytes.substr(i, len));
            out += it == codes_.end() ? std::u32string(1, U'\uFFFD') : it->second;
            i += len;
        }
        return out;
    }

private:
    static std::vector<std::string> fields(const std::string& line) {
        std::vector<std::string> out;
        for (std::size_t at = line.find('<'); at != std::string::npos; at = line.find('<', at + 1))
            out.push_back(line.substr(at + 1, line.find('>', at) - at - 1));
        return out;
    }
    static std::string bytes_of(const std::string& hex) {
        std::string b;
        for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
            b.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
        return b;
    }
    static unsigned long value(const std::string& bytes) {
        unsigned long v = 0;
        for (unsigned char c : bytes) v = v << 8 | c;
        return v;
    }
    static std::u32string utf16(const std::string& hex) {
        std::u32string out;
        for (std::size_t i = 0; i + 3 < hex.size(); i += 4) {
            char32_t u = static_cast<char32_t>(std::stoul(hex.substr(i, 4), nullptr, 16));
            if (u >= 0xD800 && u < 0xDC00 && i + 7 < hex.size()) {
                u = 0x10000 + ((u - 0xD800) << 10) +
                    (static_cast<char32_t>(std::stoul(hex.substr(i + 4, 4), nullptr, 16)) - 0xDC00);
                i += 4;
            }
            out += u;
        }
        return out;
    }
    void add(int kind, const std::vector<std::string>& f) {
        if (kind == 0 && f.size() == 2)
            spaces_.emplace_back(f[0].size() / 2, value(bytes_of(f[0])), value(bytes_of(f[1])));
        if (kind == 1 && f.size() == 2) codes_[bytes_of(f[0])] = utf16(f[1]);
        if (kind == 2 && f.size() == 3) {
            const std::string lo = bytes_of(f[0]);
            std::u32string dst = utf16(f[2]);
            for (unsigned long c = value(lo); c <= value(bytes_of(f[1])); ++c) {
                std::string code = lo;
                for (std::size_t k = code.size(), v = c; k-- > 0; v >>= 8) code[k] = static_cast<char>(v & 0xFF);
                codes_[code] = dst;
                ++dst.back();
            }
        }
    }
    std::vector<std::tuple<std::size_t, unsigned long, unsigned long>> spaces_;
    std::map<std::string, std::u32string> codes_;
};

// A page's content stream as operators with their operands, read with libqpdf's parser.
struct Op {
    std::string name;
    std::vector<Handle> operands;
};

class Ops : public Handle::ParserCallbacks {
public:
    std::vector<Op> ops;
    void handleObject(Handle obj) override {
        if (obj.isOperator()) {
            ops.push_back({obj.getOperatorValue(), std::move(pending_)});
            pending_.clear();
        } else {
            pending_.push_back(obj);
        }
    }
    void handleEOF() override {}

private:
    std::vector<Handle> pending_;
};

std::vector<Op> content_ops(Handle page) {
    Ops ops;
    QPDFPageObjectHelper(page).parseContents(&ops);
    return ops.ops;
}

}  // namespace

TEST_CASE("writer: a reader sees one page a reading page, A4 boxes, language, marks and the title in the metadata",
          "[writer]") {
    const LaidOut laid = lay_out(long_leaflet("Three pages", 6));
    REQUIRE(laid.pages.size() >= 2);
    const std::string bytes = write(laid);
    QPDF pdf;
    pdf.processMemoryFile("t.pdf", bytes.data(), bytes.size());
    auto pages = pdf.getAllPages();
    REQUIRE(pages.size() == laid.pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        CAPTURE(i);
        const auto media = box(pages[i], "/MediaBox");
        REQUIRE(media.size() == 4);
        CHECK(media[0] == 0);
        CHECK(media[1] == 0);
        CHECK(media[2] == Approx(laid.pages[i].size.width.value()).margin(0.01));
        CHECK(media[2] == Approx(595.28).margin(0.01));
        CHECK(media[3] == Approx(841.89).margin(0.01));
        CHECK_FALSE(pages[i].hasKey("/TrimBox"));  // on screen: no print boxes
        CHECK(pages[i].getKey("/Tabs").isNameAndEquals("/S"));
        CHECK(pages[i].getKey("/StructParents").isInteger());
    }
    Handle root = pdf.getRoot();
    CHECK(root.getKey("/Lang").getUTF8Value() == "en");
    CHECK(root.getKey("/MarkInfo").getKey("/Marked").isBool());
    CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
    CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
    CHECK(pdf.getPDFVersion() == "1.7");
    Handle metadata = root.getKey("/Metadata");
    REQUIRE(metadata.isStream());
    CHECK(metadata.getDict().getKey("/Subtype").isNameAndEquals("/XML"));
    const auto xmp = metadata.getStreamData(qpdf_dl_all);
    const std::string xml(reinterpret_cast<const char*>(xmp->getBuffer()), xmp->getSize());
    CHECK(xml.find("<rdf:li xml:lang=\"x-default\">Three pages</rdf:li>") != std::string::npos);
    CHECK(xml.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(xml.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
    // The sRGB output intent of PDF/A.
    auto intents = root.getKey("/OutputIntents").getArrayAsVector();
    REQUIRE(intents.size() == 1);
    CHECK(intents[0].getKey("/S").isNameAndEquals("/GTS_PDFA1"));
    CHECK(intents[0].getKey("/DestOutputProfile").getDict().getKey("/N").getIntValue() == 3);
}

TEST_CASE("writer: every font is an embedded subset, and the text drawn reads back through its ToUnicode map",
          "[writer]") {
    const std::string bytes = write(lay_out(kLeaflet));
    QPDF pdf;
    pdf.processMemoryFile("t.pdf", bytes.data(), bytes.size());
    std::map<std::string, Handle> fonts;  // by BaseFont
    for (auto page : pdf.getAllPages())
        for (auto [name, font] : page.getKey("/Resources").getKey("/Font").getDictAsMap())
            fonts[font.getKey("/BaseFont").getName()] = font;
    // Noto Sans bold for the title and headings, regular for the body.
    REQUIRE(fonts.size() >= 2);
    std::string all_maps;
    for (auto& [base, font] : fonts) {
        CAPTURE(base);
        // A subset: six capital letters and a plus before the font's own name.
        REQUIRE(base.size() > 8);
        CHECK(base[7] == '+');
        for (int i = 1; i < 7; ++i) CHECK(std::isupper(static_cast<unsigned char>(base[static_cast<std::size_t>(i)])));
        CHECK(base.find("NotoSans") != std::string::npos);
        Handle descriptor = font.getKey("/FontDescriptor");
        if (font.getKey("/Subtype").isNameAndEquals("/Type0"))
            descriptor = font.getKey("/DescendantFonts").getArrayItem(0).getKey("/FontDescriptor");
        CHECK((descriptor.hasKey("/FontFile2") || descriptor.hasKey("/FontFile3")));
        Handle to_unicode = font.getKey("/ToUnicode");
        REQUIRE(to_unicode.isStream());
        const auto data = to_unicode.getStreamData(qpdf_dl_all);
        const std::string cmap(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        CHECK(cmap.find("begincmap") != std::string::npos);
        all_maps += cmap;
    }
    // The text drawn, read back through each font's ToUnicode map, is the leaflet's text.
    QPDFObjectHandle page = pdf.getAllPages().at(0);
    std::map<std::string, ToUnicode> maps;
    for (auto [name, font] : page.getKey("/Resources").getKey("/Font").getDictAsMap()) {
        const auto data = font.getKey("/ToUnicode").getStreamData(qpdf_dl_all);
        maps.emplace(name, ToUnicode(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize())));
    }
    std::u32string drawn;
    std::string font;
    for (auto& op : content_ops(page)) {
        if (op.name == "Tf") font = op.operands.at(0).getName();
        std::vector<Handle> shown;
        if (op.name == "Tj") shown.push_back(op.operands.at(0));
        if (op.name == "TJ") shown = op.operands.at(0).getArrayAsVector();
        for (auto& x : shown)
            if (x.isString()) drawn += maps.at(font).decode(x.getStringValue());
    }
    std::erase_if(drawn, [](char32_t c) { return c == U' '; });
    const std::string text = utf8::encode(drawn);
    INFO(text);
    CHECK(text.find("\uFFFD") == std::string::npos);
    for (const char* words : {"Headingandparagraph", "Oneparagraphwithalink(lupus.example.org).", "MedicineDose",
                              "Ibuprofen200mg", "Call(555)010-0199", "TestClinic\u00B7https://example.org"})
        CHECK(text.find(words) != std::string::npos);
}

TEST_CASE(
    "writer: the structure tree a reader walks has the title, the figure's alt, the table's header scope and the link",
    "[writer]") {
    const std::string bytes = write(lay_out(kLeaflet));
    QPDF pdf;
    pdf.processMemoryFile("t.pdf", bytes.data(), bytes.size());
    Handle root = pdf.getRoot().getKey("/StructTreeRoot");
    REQUIRE(root.isDictionary());
    const bool document = root.getKey("/K").isDictionary()
                              ? root.getKey("/K").getKey("/S").isNameAndEquals("/Document")
                              : root.getKey("/K").getArrayItem(0).getKey("/S").isNameAndEquals("/Document");
    CHECK(document);
    std::vector<std::string> types;
    std::string alt;
    int column_headers = 0;
    std::set<std::string> uris;
    for (auto& e : tree(pdf)) {
        types.push_back(e.getKey("/S").getName());
        if (e.getKey("/S").isNameAndEquals("/Figure") && e.hasKey("/Alt") && alt.empty())
            alt = e.getKey("/Alt").getUTF8Value();
        if (e.getKey("/S").isNameAndEquals("/TH") && e.getKey("/A").isDictionary() &&
            e.getKey("/A").getKey("/Scope").isNameAndEquals("/Column"))
            ++column_headers;
        Handle k = e.getKey("/K");
        for (auto& kid : k.isArray() ? k.getArrayAsVector() : std::vector<Handle>{k})
            if (kid.isDictionary() && kid.getKey("/Type").isNameAndEquals("/OBJR")) {
                CHECK(e.getKey("/S").isNameAndEquals("/Link"));
                uris.insert(kid.getKey("/Obj").getKey("/A").getKey("/URI").getUTF8Value());
            }
    }
    REQUIRE(types.size() > 5);
    CHECK(types[0] == "/Document");
    CHECK(types[1] == "/H1");
    CHECK(types[2] == "/Sect");
    CHECK(types[3] == "/H2");
    CHECK(alt == "A knee joint");
    CHECK(column_headers == 2);
    CHECK(uris.count("https://lupus.example.org") == 1);
    CHECK(uris.count("tel:555-010-0199") == 1);
    // Every MCID of every page, and every link's annotation, is mapped back to its element.
    const std::string dump = test::structure_dump(bytes);
    INFO(dump);
    CHECK(dump.find(" 0 wrong, 0 marked contents not in it") != std::string::npos);
}

TEST_CASE("writer: the /ID is two 16-byte strings, the same for the same leaflet and another for another", "[writer]") {
    auto id_of = [](const std::string& bytes) {
        QPDF pdf;
        pdf.processMemoryFile("t.pdf", bytes.data(), bytes.size());
        Handle id = pdf.getTrailer().getKey("/ID");
        REQUIRE(id.isArray());
        REQUIRE(id.getArrayNItems() == 2);
        CHECK(id.getArrayItem(0).getStringValue().size() == 16);
        CHECK(id.getArrayItem(1).getStringValue().size() == 16);
        return id.getArrayItem(0).getStringValue() + id.getArrayItem(1).getStringValue();
    };
    const std::string a = write(lay_out(kLeaflet));
    const std::string b = write(lay_out(kLeaflet));
    CHECK(a == b);
    CHECK(id_of(a) == id_of(b));
    CHECK(id_of(a) != std::string(32, '\0'));
    std::string other = kLeaflet;
    other.replace(other.find("paragraph"), 9, "Paragraph");
    CHECK(id_of(write(lay_out(other))) != id_of(a));
}

TEST_CASE("writer: PdfBuilder given the pages one at a time writes the bytes write_pdf writes", "[writer]") {
    const LaidOut laid = lay_out(long_leaflet("Streamed", 5));
    const PdfOptions options{"2026-10-01", srgb_icc_profile(), nullptr};
    PdfBuilder builder(options);
    emit(laid, builder);
    Diagnostics d;
    auto streamed = builder.finish(d);
    REQUIRE(streamed);
    CHECK(std::string(streamed->begin(), streamed->end()) == write(laid, options));
}

TEST_CASE("writer: the print-shop PDF has trim and bleed boxes 3 mm apart, CMYK and the PDF/X output intent",
          "[writer]") {
    const std::string profile_path = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
    if (!std::filesystem::exists(profile_path)) {
        WARN("no CMYK profile (Debian's libgs-common): skipped");
        return;
    }
    std::ifstream in(profile_path, std::ios::binary);
    const std::string icc((std::istreambuf_iterator<char>(in)), {});
    auto cmyk = CmykConverter::open(icc);
    REQUIRE(cmyk);
    const LaidOut laid = lay_out(kLeaflet);
    const std::string bytes = write(laid, {"2026-10-01", srgb_icc_profile(), &*cmyk});
    QPDF pdf;
    pdf.processMemoryFile("t.pdf", bytes.data(), bytes.size());
    auto pages = pdf.getAllPages();
    REQUIRE(pages.size() == laid.pages.size());
    const double bleed = 3 / 25.4 * 72;
    const auto trim = box(pages[0], "/TrimBox"), bleed_box = box(pages[0], "/BleedBox"),
               media = box(pages[0], "/MediaBox");
    REQUIRE(trim.size() == 4);
    REQUIRE(bleed_box.size() == 4);
    CHECK(trim[2] - trim[0] == Approx(595.28).margin(0.01));
    CHECK(trim[3] - trim[1] == Approx(841.89).margin(0.01));
    CHECK(trim[0] - bleed_box[0] == Approx(bleed).margin(0.01));
    CHECK(bleed_box[2] - trim[2] == Approx(bleed).margin(0.01));
    CHECK(media[2] - media[0] > bleed_box[2] - bleed_box[0]);  // room for the crop marks
    auto intents = pdf.getRoot().getKey("/OutputIntents").getArrayAsVector();
    std::set<std::string> kinds;
    for (auto& i : intents) kinds.insert(i.getKey("/S").getName());
    CHECK(kinds.count("/GTS_PDFX") == 1);
    // Paper has no links: no annotation on any page.
    for (auto& page : pages) CHECK_FALSE(page.getKey("/Annots").isArray());
}

TEST_CASE("structure: a content item opens its element's marked content with its MCID - furniture opens an artifact",
          "[writer]") {
    std::vector<pdf::StructElement> elements(3);
    elements[1].type = pdf::StructType::H1;
    elements[2].type = pdf::StructType::P;
    using Kind = pdf::ItemTag::Kind;
    CHECK(pdf::open_marked(elements, {Kind::Content, 2, 7}, U"") == "/P <</MCID 7>> BDC\n");
    CHECK(pdf::open_marked(elements, {Kind::Content, 1, 0}, U"") == "/H1 <</MCID 0>> BDC\n");
    CHECK(pdf::open_marked(elements, {Kind::Artifact, -1, -1}, U"") == "/Artifact BMC\n");
    CHECK(pdf::open_marked(elements, {Kind::Pagination, -1, -1}, U"") == "/Artifact <</Type /Pagination>> BDC\n");
    CHECK(pdf::open_marked(elements, {Kind::Annotation, 2, -1}, U"").empty());
    // ActualText: what the glyphs stand for, as a PDF text string.
    CHECK(pdf::open_marked(elements, {Kind::Content, 2, 3}, U"fi") == "/P <</MCID 3 /ActualText (fi)>> BDC\n");
    CHECK(pdf::open_marked(elements, {Kind::Content, 2, 4}, U"\u00E9") ==
          "/P <</MCID 4 /ActualText <FEFF00E9>>> BDC\n");
}

TEST_CASE(
    "page content: text is drawn only inside marked content, each MCID once, the title in the bold font at its size",
    "[writer]") {
    const LaidOut laid = lay_out(kLeaflet);
    const std::string bytes = write(laid);
    QPDF pdf;
    pdf.processMemoryFile("t.pdf", bytes.data(), bytes.size());
    auto pages = pdf.getAllPages();
    REQUIRE(pages.size() == 1);
    auto ops = content_ops(pages[0]);
    int depth = 0, in_text = 0, shown = 0, artifacts = 0;
    std::vector<long long> mcids;
    std::map<std::string, std::set<double>> sizes;  // font resource name -> sizes set
    std::string font;
    bool saw_primary_fill = false;
    for (auto& op : ops) {
        if (op.name == "BDC" || op.name == "BMC") {
            ++depth;
            if (op.operands[0].getName() == "/Artifact") ++artifacts;
            if (op.name == "BDC" && op.operands[1].isDictionary() && op.operands[1].hasKey("/MCID"))
                mcids.push_back(op.operands[1].getKey("/MCID").getIntValue());
        } else if (op.name == "EMC") {
            --depth;
            CHECK(depth >= 0);
        } else if (op.name == "BT") {
            ++in_text;
        } else if (op.name == "ET") {
            --in_text;
        } else if (op.name == "Tf") {
            font = op.operands[0].getName();
            sizes[font].insert(op.operands[1].getNumericValue());
        } else if (op.name == "TJ" || op.name == "Tj") {
            ++shown;
            CHECK(in_text == 1);
            CHECK(depth > 0);  // every glyph is content or an artifact
        } else if (op.name == "rg" && op.operands.size() == 3) {
            // The brand's default primary colour, as three-decimal sRGB.
            const Color p = Brand{}.colors.primary;
            saw_primary_fill = saw_primary_fill || (std::abs(op.operands[0].getNumericValue() - p.r) < 0.001 &&
                                                    std::abs(op.operands[1].getNumericValue() - p.g) < 0.001 &&
                                                    std::abs(op.operands[2].getNumericValue() - p.b) < 0.001);
        }
    }
    CHECK(depth == 0);
    CHECK(in_text == 0);
    CHECK(shown > 10);
    CHECK(artifacts > 0);  // the footer, the band
    CHECK(saw_primary_fill);
    // MCIDs 0, 1, 2, ... each once (neighbours share a sequence, none is opened twice).
    std::vector<long long> sorted = mcids;
    std::sort(sorted.begin(), sorted.end());
    REQUIRE_FALSE(sorted.empty());
    for (std::size_t i = 0; i < sorted.size(); ++i) CHECK(sorted[i] == static_cast<long long>(i));
    // As many as the ParentTree's array for the page.
    Handle parents;
    QPDFNumberTreeObjectHelper tree(pdf.getRoot().getKey("/StructTreeRoot").getKey("/ParentTree"), pdf);
    REQUIRE(tree.findObject(pages[0].getKey("/StructParents").getIntValue(), parents));
    CHECK(parents.getArrayNItems() == static_cast<int>(sorted.size()));
    // The title's size is used by exactly one font: the bold one.
    Pt title_size{0};
    for (const auto& item : laid.pages[0].items)
        if (const auto* g = std::get_if<GlyphRun>(&item); g && g->source.role == Role::Title) title_size = g->size;
    std::vector<std::string> at_title;
    for (const auto& [name, set] : sizes)
        for (double s : set)
            if (std::abs(s - title_size.value()) < 0.01) at_title.push_back(name);
    REQUIRE(at_title.size() == 1);
    Handle f = pages[0].getKey("/Resources").getKey("/Font").getKey(at_title[0]);
    CHECK(f.getKey("/BaseFont").getName().find("Bold") != std::string::npos);
}
