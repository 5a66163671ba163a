// Writing a TagPlan as PDF objects: structure elements, the StructTreeRoot with its
// ParentTree, and the catalog entries a tagged PDF needs. Also the XMP metadata and the sRGB
// output intent of PDF/UA-1 and PDF/A-2a.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/page.hpp"
#include "pdf/pdf_objects.hpp"
#include "pdf/tags.hpp"

namespace leafpress::pdf {

// The PDF objects the writer made for the plan: its pages (printed sides) in order; where each
// reading page went (the side, how far its MCIDs moved on, where its bottom-left corner is);
// and each Link item's annotation by (reading page, item).
struct WrittenPages {
    std::vector<HPDF_Page> pages;
    struct Reading {
        int side = 0;
        int mcid_offset = 0;
        double tx = 0, ty = 0;
        double height = 0;
    };
    std::vector<Reading> reading;
    std::map<std::pair<int, int>, HPDF_Annotation> annotations;
};

// The marked-content operator that opens an item ("/P <</MCID 3>> BDC"), and its close.
std::string open_marked(const std::vector<StructElement>& elements, const ItemTag& tag,
                        const std::u32string& actual_text);

class ObjectWriter;

// The structure tree (its elements, [0] the Document): the StructTreeRoot with its ParentTree
// and one object per element, given to the writer as its own objects; and, as libharu objects,
// the pages' /StructParents and /Tabs, the annotations' /StructParent and the catalog's
// /MarkInfo and /StructTreeRoot.
void write_structure(HPDF_Doc doc, const std::vector<StructElement>& elements, const WrittenPages& written,
                     ObjectWriter& out);

struct MetadataFacts {
    std::string title, author, subject, keywords, language;
    std::string date;  // "YYYY-MM-DD" or empty
};

// The colour the PDF is made for: sRGB for PDF/A (screen and office printer), or a print
// profile's CMYK for PDF/X-4 (and PDF/A, which then shares the same profile).
struct OutputIntent {
    enum class Standard { None, PdfA, PdfX4 };
    std::string profile;    // ICC bytes
    int components = 3;     // 3: RGB, 4: CMYK
    std::string condition;  // the profile's description
    Standard standard = Standard::None;
};

// XMP (dc:title, pdfuaid:part 1, pdfaid:part 2 conformance A; for PDF/X-4 its version,
// document and version IDs and Trapped), DisplayDocTitle, PDF 1.7 and the output intents.
void write_metadata(HaruDocument& doc, const MetadataFacts& facts, const OutputIntent& intent);

}  // namespace leafpress::pdf
