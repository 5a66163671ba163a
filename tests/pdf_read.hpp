// Reading a written PDF back with libqpdf, as a viewer or assistive technology would: the tests
// look at what a reader of the bytes sees (pages, boxes, fonts, the structure tree), never at
// object numbers or byte offsets, which the writer is free to change.
#pragma once
#include <string>

namespace leafpress::test {

// The structure tree of a PDF as text, an element a line, indented by depth (Typst's
// tests/suite/pdftags in spirit): its type (and role-mapped type), its /Lang, /Alt, /ActualText,
// /E and attributes (the owner's keys, without the numbers of /BBox), then its marked content by
// page ("mc p1 x3") and its annotations ("annot p2 Link tel:..."), in the order of /K. Before the
// tree: the catalog's /Lang, /MarkInfo, the number of pages and each page's /Tabs; after it,
// whether the /ParentTree maps every MCID and annotation to the element that holds it.
std::string structure_dump(const std::string& pdf_bytes);

}  // namespace leafpress::test
