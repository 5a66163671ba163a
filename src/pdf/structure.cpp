#include "pdf/structure.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>

#include "core/utf8.hpp"
#include "pdf/write_objects.hpp"

namespace leafpress::pdf {

std::string open_marked(const std::vector<StructElement>& elements, const ItemTag& tag,
                        const std::u32string& actual_text) {
    switch (tag.kind) {
        case ItemTag::Kind::Artifact: return "/Artifact BMC\n";
        case ItemTag::Kind::Pagination: return "/Artifact <</Type /Pagination>> BDC\n";
        case ItemTag::Kind::Annotation: return {};
        case ItemTag::Kind::Content: break;
    }
    std::string s = "/";
    s += type_name(elements[static_cast<std::size_t>(tag.element)].type);
    s += " <</MCID " + std::to_string(tag.mcid);
    if (!actual_text.empty()) s += " /ActualText " + text_token(actual_text);
    return s + ">> BDC\n";
}

namespace {

// The tree's objects as compact text (CompactText), numbered by the writer: the StructTreeRoot
// first, then one per element.
class TreeText {
public:
    TreeText(HPDF_Doc doc, const std::vector<StructElement>& elements, const WrittenPages& written, ObjectWriter& out)
        : doc_(doc), elements_(elements), written_(written), out_(out), by_mcid_(written.pages.size()) {
        root_ = out.reserve(elements.size() + 1);
    }

    void write() {
        for (std::size_t i = 0; i < elements_.size(); ++i)
            out_.set(element(static_cast<int>(i)), body(static_cast<int>(i)));
        out_.set(root_, root());
        out_.add_to_catalog("/StructTreeRoot " + std::to_string(root_) + " 0 R");
        HPDF_Dict mark = HPDF_Dict_New(doc_->mmgr);
        HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
        HPDF_Dict_Add(doc_->catalog, "MarkInfo", mark);
    }

private:
    [[nodiscard]] unsigned element(int i) const { return root_ + 1 + static_cast<unsigned>(i); }
    [[nodiscard]] unsigned page(int side) const { return out_.number(written_.pages[static_cast<std::size_t>(side)]); }
    [[nodiscard]] const WrittenPages::Reading& reading(int page) const {
        return written_.reading[static_cast<std::size_t>(page)];
    }

    std::string body(int i) {
        const StructElement& e = elements_[static_cast<std::size_t>(i)];
        std::string s;
        CompactText t(s);
        // (/Type /StructElem is optional: left out, as in every element of a long document it adds up.)
        t.delimiter("<<");
        t.name("/S");
        t.name(std::string("/") + type_name(e.type));
        t.name("/P");
        t.reference(e.parent < 0 ? root_ : element(e.parent));
        if (!e.alt.empty()) t.name("/Alt"), t.string(text_token(utf8::decode(e.alt).text));
        if (!e.lang.empty()) t.name("/Lang"), t.string(text_token(utf8::decode(e.lang).text));
        if (e.column_header) {
            t.name("/A"), t.delimiter("<<"), t.name("/O"), t.name("/Table"), t.name("/Scope"), t.name("/Column");
            t.delimiter(">>");
        }
        if (e.type == StructType::Figure && e.figure_page >= 0) figure_layout(t, e);
        // Marked content on the element's one side is referred to by its bare MCID, with /Pg on
        // the element; content spread over sides needs a marked-content reference each.
        // (Kids name reading pages; a side may hold two of them, each with its MCIDs moved on.)
        int side = -1;
        bool one_side = true;
        for (const StructKid& k : e.kids) {
            if (k.kind != StructKid::Kind::Content) continue;
            if (side >= 0 && reading(k.page).side != side) one_side = false;
            side = reading(k.page).side;
        }
        if (side >= 0 && one_side) t.name("/Pg"), t.reference(page(side));
        // One kid is written as itself, none or more as an array (an annotation that was not
        // made is no kid).
        const auto written = std::count_if(e.kids.begin(), e.kids.end(), [&](const StructKid& k) {
            if (k.kind != StructKid::Kind::Annotation) return true;
            const auto it = written_.annotations.find({k.page, k.item});
            return it != written_.annotations.end() && it->second != nullptr;
        });
        const bool array = written != 1;
        t.name("/K");
        if (array) t.delimiter("[");
        for (const StructKid& k : e.kids) kid(t, i, k, one_side);
        if (array) t.delimiter("]");
        t.delimiter(">>");
        return s;
    }

    void figure_layout(CompactText& t, const StructElement& e) const {
        const auto& at = reading(e.figure_page);
        t.name("/A"), t.delimiter("<<"), t.name("/O"), t.name("/Layout"), t.name("/BBox"), t.delimiter("[");
        for (double v : {e.bbox.x.value() + at.tx, at.height - e.bbox.bottom().value() + at.ty,
                         e.bbox.right().value() + at.tx, at.height - e.bbox.y.value() + at.ty})
            t.number(num(v));
        t.delimiter("]"), t.name("/Placement"), t.name("/Block"), t.delimiter(">>");
    }

    void kid(CompactText& t, int i, const StructKid& k, bool one_side) {
        switch (k.kind) {
            case StructKid::Kind::Element: return t.reference(element(k.element));
            case StructKid::Kind::Content: {
                const auto& at = reading(k.page);
                const int id = k.mcid + at.mcid_offset;
                auto& slots = by_mcid_[static_cast<std::size_t>(at.side)];
                if (slots.size() <= static_cast<std::size_t>(id)) slots.resize(static_cast<std::size_t>(id) + 1, -1);
                slots[static_cast<std::size_t>(id)] = i;
                if (one_side) return t.number(static_cast<long long>(id));
                t.delimiter("<<"), t.name("/Type"), t.name("/MCR"), t.name("/Pg"), t.reference(page(at.side));
                t.name("/MCID"), t.number(static_cast<long long>(id)), t.delimiter(">>");
                return;
            }
            case StructKid::Kind::Annotation: {
                const auto it = written_.annotations.find({k.page, k.item});
                if (it == written_.annotations.end() || !it->second) return;
                t.delimiter("<<"), t.name("/Type"), t.name("/OBJR"), t.name("/Obj"),
                    t.reference(out_.number(it->second));
                t.name("/Pg"), t.reference(page(reading(k.page).side)), t.delimiter(">>");
                annotations_.emplace_back(it->second, i);
                return;
            }
        }
    }

    // The root, with its ParentTree: for each side, its MCIDs' elements; for each annotation,
    // its Link element. The sides and annotations get their keys (/StructParents,
    // /StructParent) here.
    std::string root() {
        std::string s;
        CompactText t(s);
        t.delimiter("<<"), t.name("/Type"), t.name("/StructTreeRoot"), t.name("/K"), t.delimiter("[");
        t.reference(element(0));
        t.delimiter("]"), t.name("/ParentTree"), t.delimiter("<<"), t.name("/Nums"), t.delimiter("[");
        for (std::size_t p = 0; p < written_.pages.size(); ++p) {
            HPDF_Dict_AddNumber(written_.pages[p], "StructParents", static_cast<HPDF_INT32>(p));
            HPDF_Dict_Add(written_.pages[p], "Tabs", name(doc_, "S"));
            t.number(static_cast<long long>(p));
            t.delimiter("[");
            for (int e : by_mcid_[p]) e >= 0 ? t.reference(element(e)) : t.number("null");
            t.delimiter("]");
        }
        int key = static_cast<int>(written_.pages.size());
        for (const auto& [annotation, e] : annotations_) {
            HPDF_Dict_AddNumber(annotation, "StructParent", key);
            t.number(static_cast<long long>(key)), t.reference(element(e));
            ++key;
        }
        t.delimiter("]"), t.delimiter(">>"), t.name("/ParentTreeNextKey"), t.number(static_cast<long long>(key)),
            t.delimiter(">>");
        return s;
    }

    HPDF_Doc doc_;
    const std::vector<StructElement>& elements_;
    const WrittenPages& written_;
    ObjectWriter& out_;
    unsigned root_ = 0;
    std::vector<std::vector<int>> by_mcid_;
    std::vector<std::pair<HPDF_Annotation, int>> annotations_;
};

}  // namespace

void write_structure(HPDF_Doc doc, const std::vector<StructElement>& elements, const WrittenPages& written,
                     ObjectWriter& out) {
    TreeText(doc, elements, written, out).write();
}

namespace {

// Text as XMP character data: & < > " escaped, and anything XML 1.0 cannot hold (controls but
// tab, newline and return; U+FFFE, U+FFFF) or PDF/A would not want (C1 controls) as U+FFFD.
// Inputs refuse these already (input.control-character); this keeps the packet well-formed
// whatever reaches it.
std::string xmp_text(std::string_view s) {
    std::string clean;
    clean.reserve(s.size());
    for (char32_t c : utf8::decode(s).text) {
        const bool bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE ||
                         c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF);
        utf8::append(clean, bad ? U'\uFFFD' : c);
    }
    return utf8::markup_escaped(clean);
}

// A stable UUID-shaped identifier for a document: the same leaflet gets the same one.
std::string document_uuid(const MetadataFacts& f) {
    std::string facts;
    for (const std::string* part : {&f.title, &f.author, &f.subject, &f.language, &f.date}) facts += *part + '\x1f';
    const auto id = fingerprint(facts);
    std::uint64_t a = 0, b = 0;
    for (int i = 0; i < 8; ++i) {
        a = (a << 8) | id[static_cast<std::size_t>(i)];
        b = (b << 8) | id[static_cast<std::size_t>(i + 8)];
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-8%03x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFF),
                  static_cast<unsigned>((b >> 48) & 0xFFF), static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return buf;
}

// PDF/A asks for every schema beyond its own to be described.
std::string extension_schema(const char* title, const char* uri, const char* prefix, const char* property,
                             const char* type, const char* description) {
    return std::string("<rdf:li rdf:parseType=\"Resource\">\n<pdfaSchema:schema>") + title +
           "</pdfaSchema:schema>\n<pdfaSchema:namespaceURI>" + uri + "</pdfaSchema:namespaceURI>\n<pdfaSchema:prefix>" +
           prefix +
           "</pdfaSchema:prefix>\n<pdfaSchema:property><rdf:Seq><rdf:li "
           "rdf:parseType=\"Resource\">\n<pdfaProperty:name>" +
           property + "</pdfaProperty:name><pdfaProperty:valueType>" + type +
           "</pdfaProperty:valueType>\n<pdfaProperty:category>internal</"
           "pdfaProperty:category>\n<pdfaProperty:description>" +
           description + "</pdfaProperty:description>\n</rdf:li></rdf:Seq></pdfaSchema:property>\n</rdf:li>\n";
}

}  // namespace

void write_metadata(HaruDocument& haru, const MetadataFacts& f, const OutputIntent& intent) {
    HPDF_Doc doc = haru.get();
    const bool pdfx = intent.standard == OutputIntent::Standard::PdfX4;
    const bool pdfa = intent.standard != OutputIntent::Standard::None && !intent.profile.empty();
    doc->pdf_version = HPDF_VER_17;
    HPDF_Dict prefs = HPDF_Dict_New(doc->mmgr);
    HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(doc->catalog, "ViewerPreferences", prefs);

    const std::string stamp = f.date.empty() ? std::string() : f.date + "T00:00:00Z";
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n";
    if (pdfx)
        x += "  xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n";
    x += "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
         "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
         "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
    x += "<dc:format>application/pdf</dc:format>\n";
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmp_text(f.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!f.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + xmp_text(f.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!f.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmp_text(f.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    if (!f.language.empty())
        x += "<dc:language><rdf:Bag><rdf:li>" + xmp_text(f.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!f.keywords.empty()) x += "<pdf:Keywords>" + xmp_text(f.keywords) + "</pdf:Keywords>\n";
    x += "<pdf:Producer>leafpress</pdf:Producer>\n<xmp:CreatorTool>leafpress</xmp:CreatorTool>\n";
    if (!stamp.empty())
        x += "<xmp:CreateDate>" + stamp + "</xmp:CreateDate>\n<xmp:ModifyDate>" + stamp +
             "</xmp:ModifyDate>\n<xmp:MetadataDate>" + stamp + "</xmp:MetadataDate>\n";
    // PDF/A-2a only with the output intent it requires.
    if (pdfa) x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n";
    x += "<pdfuaid:part>1</pdfuaid:part>\n";
    if (pdfx) {
        const std::string id = "uuid:" + document_uuid(f);
        x += "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n<pdf:Trapped>False</pdf:Trapped>\n"
             "<xmpMM:DocumentID>" +
             id + "</xmpMM:DocumentID>\n<xmpMM:InstanceID>" + id +
             "</xmpMM:InstanceID>\n<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</"
             "xmpMM:RenditionClass>\n";
    }
    x += "<pdfaExtension:schemas><rdf:Bag>\n";
    x += extension_schema("PDF/UA Universal Accessibility Schema", "http://www.aiim.org/pdfua/ns/id/", "pdfuaid",
                          "part", "Integer", "Indicates, which part of ISO 14289 standard is followed");
    if (pdfx)
        x += extension_schema("PDF/X ID Schema", "http://www.npes.org/pdfx/ns/id/", "pdfxid", "GTS_PDFXVersion", "Text",
                              "ID of PDF/X standard");
    x += "</rdf:Bag></pdfaExtension:schemas>\n";
    x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    // Compressed: PDF/A-1 wanted the packet unfiltered, PDF/A-2 (and PDF/UA-1, PDF/X-4) allow
    // Flate, and it is a tenth of a leaflet's bytes otherwise.
    HPDF_Dict meta = new_stream(haru, std::span(reinterpret_cast<const std::uint8_t*>(x.data()), x.size()));
    HPDF_Dict_Add(meta, "Type", name(doc, "Metadata"));
    HPDF_Dict_Add(meta, "Subtype", name(doc, "XML"));
    HPDF_Dict_Add(doc->catalog, "Metadata", meta);

    if (pdfx && doc->info) {
        HPDF_Dict_Add(doc->info, "GTS_PDFXVersion", HPDF_String_New(doc->mmgr, "PDF/X-4", nullptr));
        HPDF_Dict_Add(doc->info, "Trapped", name(doc, "False"));
    }
    if (!pdfa) return;
    HPDF_Dict icc = new_stream(
        haru, std::span(reinterpret_cast<const std::uint8_t*>(intent.profile.data()), intent.profile.size()));
    HPDF_Dict_AddNumber(icc, "N", intent.components);
    HPDF_Array intents = HPDF_Array_New(doc->mmgr);
    // PDF/X-4's intent, then PDF/A's: both name the same profile, as PDF/A-2 asks.
    for (const char* subtype : {"GTS_PDFX", "GTS_PDFA1"}) {
        if (!pdfx && std::string_view(subtype) == "GTS_PDFX") continue;
        HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
        HPDF_Dict_Add(d, "Type", name(doc, "OutputIntent"));
        HPDF_Dict_Add(d, "S", name(doc, subtype));
        HPDF_Dict_Add(d, "OutputConditionIdentifier", HPDF_String_New(doc->mmgr, intent.condition.c_str(), nullptr));
        HPDF_Dict_Add(d, "Info", HPDF_String_New(doc->mmgr, intent.condition.c_str(), nullptr));
        HPDF_Dict_Add(d, "DestOutputProfile", icc);
        HPDF_Array_Add(intents, d);
    }
    HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);
}

}  // namespace leafpress::pdf
