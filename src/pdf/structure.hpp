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

// The PDF objects the writer made for the plan: pages in order, and each Link item's annotation
// by (page, item).
struct WrittenPages {
    std::vector<HPDF_Page> pages;
    std::map<std::pair<int, int>, HPDF_Annotation> annotations;
};

// The marked-content operator that opens an item ("/P <</MCID 3>> BDC"), and its close.
std::string open_marked(const TagPlan& plan, const ItemTag& tag, const std::u32string& actual_text);

// The structure tree, ParentTree, StructParents and StructParent keys, MarkInfo and Tabs.
void write_structure(HPDF_Doc doc, const TagPlan& plan, const WrittenPages& written);

struct MetadataFacts {
    std::string title, author, subject, keywords, language;
    std::string date;  // "YYYY-MM-DD" or empty
};

// XMP (dc:title, pdfuaid:part 1, pdfaid:part 2 conformance A), DisplayDocTitle, PDF 1.7 and,
// when a profile is given, the sRGB output intent.
void write_metadata(HPDF_Doc doc, const MetadataFacts& facts, const std::string& srgb_profile);

}  // namespace leafpress::pdf
