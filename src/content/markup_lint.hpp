// What md4c reads differently from what the writer meant, found in the body's own text: a
// table row with more cells than its header (md4c drops them), lines of pipes without the
// |---| line that makes them a table (md4c prints them as a paragraph), an emphasis mark that
// opens nothing (md4c prints it as written).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace leafpress {

// The cells of the body line holding `offset`: how many, and where the cell after the first
// `keep` starts (when there are more).
struct RowCells {
    std::size_t count = 0;
    std::optional<std::size_t> extra;  // body offset of the first cell past `keep`
};
// `column`: where the table's rows start on their lines, past a list item's or a quote's marker
// ("- | A | B |"): found from the first row the table checks (its header, whose first cell has
// text) and kept for the rest, so that the container's marker is never counted as a cell.
RowCells row_cells(std::string_view body, std::size_t offset, std::size_t keep, std::optional<std::size_t>& column);

// A paragraph from `first` to `last` (body offsets) that looks like a table md4c did not read
// as one: its first two lines start with '|'. The finding's message, and where it starts.
struct PipeParagraph {
    std::size_t at = 0;
    std::string message;
};
std::optional<PipeParagraph> pipe_paragraph(std::string_view body, std::size_t first, std::size_t last);

// Whether the run of '*' or '_' of length `n` at `offset` in `body` could open emphasis under
// CommonMark's flanking rules (so a run md4c gives back as text is one left unclosed).
bool could_open_emphasis(std::string_view body, std::size_t offset, std::size_t n);

}  // namespace leafpress
