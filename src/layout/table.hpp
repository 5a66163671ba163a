// Tables: column widths from their content (each column between its longest word and its
// whole text on one line, the rest shared out), wrapped cells, a header row kept with the first
// row and repeated at the top of every further frame, rows that never split.
#pragma once
#include <vector>

#include "content/document.hpp"
#include "layout/blocks.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace leafpress {

struct TablePlace {
    int section = -1, block = -1;  // where it is in the document
    Pt x;                          // its left edge in the frame
    Pt width;                      // the width it may take
    SourcePos where;               // for a table too wide
};

// A table as units, one a row; a table that cannot fit its width is an error at `where`.
std::vector<Unit> table_units(const TableSource& table, const TablePlace& place, const Brand& brand,
                              const Layout& layout, const text::ParagraphStyle& body, const text::TextContext& ctx,
                              Diagnostics& diags);

}  // namespace leafpress
