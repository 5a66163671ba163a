#include "content/markup_lint.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace leafpress {

namespace {

std::string_view line_at(std::string_view body, std::size_t offset, std::size_t& start) {
    start = std::min(offset, body.size());
    while (start > 0 && body[start - 1] != '\n') --start;
    const std::size_t end = body.find('\n', start);
    return body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// Where the cells of a table line start (relative to the line), as GitHub reads them: a
// leading and a trailing '|' are borders; an escaped '\|' or one inside `code` divides nothing.
std::vector<std::size_t> cell_starts(std::string_view line) {
    std::size_t a = 0, b = line.size();
    while (a < b && (line[a] == ' ' || line[a] == '\t')) ++a;
    while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r')) --b;
    if (a < b && line[a] == '|') ++a;
    bool trailing = b > a && line[b - 1] == '|' && !(b >= 2 && line[b - 2] == '\\');
    if (trailing) --b;
    std::vector<std::size_t> starts{a};
    bool code = false;
    for (std::size_t k = a; k < b; ++k) {
        if (line[k] == '\\') {
            ++k;
            continue;
        }
        if (line[k] == '`')
            code = !code;
        else if (line[k] == '|' && !code)
            starts.push_back(k + 1);
    }
    if (a == b && !trailing) starts.clear();
    for (auto& s : starts)
        while (s < b && (line[s] == ' ' || line[s] == '\t')) ++s;
    return starts;
}

bool is_delimiter_row(std::string_view line) {
    bool dash = false;
    for (char c : line) {
        if (c == '-')
            dash = true;
        else if (c != '|' && c != ':' && c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return dash;
}

bool starts_with_pipe(std::string_view line) {
    const std::size_t k = line.find_first_not_of(" \t");
    return k != std::string_view::npos && line[k] == '|';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_punct(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && std::ispunct(u);
}

}  // namespace

RowCells row_cells(std::string_view body, std::size_t offset, std::size_t keep, std::optional<std::size_t>& column) {
    std::size_t start = 0;
    std::string_view line = line_at(body, offset, start);
    if (!column) {
        // Back from the row's first text over spaces to its leading '|', if it has one.
        std::size_t k = std::min(offset - start, line.size());
        while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t')) --k;
        column = k > 0 && line[k - 1] == '|' ? k - 1 : k;
    }
    const std::size_t cut = std::min(*column, line.size());
    line.remove_prefix(cut);
    start += cut;
    const auto starts = cell_starts(line);
    RowCells out{starts.size(), std::nullopt};
    if (starts.size() > keep) out.extra = start + starts[keep];
    return out;
}

std::optional<PipeParagraph> pipe_paragraph(std::string_view body, std::size_t first, std::size_t last) {
    std::size_t start = 0, next = 0;
    const std::string_view head = line_at(body, first, start);
    const std::size_t end = start + head.size();
    if (end >= body.size() || last <= end) return std::nullopt;
    const std::string_view second = line_at(body, end + 1, next);
    if (!starts_with_pipe(head) || !(starts_with_pipe(second) || is_delimiter_row(second))) return std::nullopt;
    PipeParagraph p;
    p.at = start + head.find_first_not_of(" \t");
    const std::size_t columns = cell_starts(head).size();
    if (is_delimiter_row(second)) {
        p.message = "this table's |---| line has " + std::to_string(cell_starts(second).size()) +
                    " columns but its header has " + std::to_string(columns) +
                    "; it is not read as a table and would print as a paragraph of pipes";
    } else {
        p.message =
            "this looks like a table but has no |---| line under its header; it would print as a paragraph of pipes";
    }
    return p;
}

bool could_open_emphasis(std::string_view body, std::size_t offset, std::size_t n) {
    const char mark = body[offset];
    const char before = offset == 0 ? ' ' : body[offset - 1];
    const char after = offset + n >= body.size() ? ' ' : body[offset + n];
    const bool left = !is_space(after) && (!is_punct(after) || is_space(before) || is_punct(before));
    const bool right = !is_space(before) && (!is_punct(before) || is_space(after) || is_punct(after));
    if (mark == '*') return left;
    return left && (!right || is_punct(before));
}

}  // namespace leafpress
