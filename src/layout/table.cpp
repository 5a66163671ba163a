#include "layout/table.hpp"

#include <algorithm>
#include <cstdio>

#include "core/utf8.hpp"
#include "layout/phone_runs.hpp"
#include "layout/sections.hpp"

namespace leafpress {

namespace {

struct Column {
    Pt min, max;  // longest word, and the whole text on one line (padding included)
};

// The left and right edges of what a line box draws, from its glyph runs.
Pt left_edge(const LineBox& box) {
    Pt l{1e9};
    for (const auto& item : box.items)
        if (const auto* g = std::get_if<GlyphRun>(&item)) l = std::min(l, g->origin.x + g->left());
    return l;
}

Pt right_edge(const LineBox& box) {
    Pt r{0};
    for (const auto& item : box.items)
        if (const auto* g = std::get_if<GlyphRun>(&item)) r = std::max(r, g->origin.x + g->right());
    return r;
}

enum class Side { Left, Center, Right };

// Where a column's cells go: the start is the left in a left-to-right leaflet and the right in
// a right-to-left one ("---" and ":--" name the start, "--:" the end), whatever the direction
// of a cell's own text, so every cell of a column is aligned the same.
Side side_of(CellAlign align, bool rtl) {
    switch (align) {
        case CellAlign::Center: return Side::Center;
        case CellAlign::End: return rtl ? Side::Left : Side::Right;
        case CellAlign::Start: break;
    }
    return rtl ? Side::Right : Side::Left;
}

// Moves a cell's lines to their side of the cell's text area [left, right].
void align_cell(std::vector<LineBox>& lines, Side side, Pt left, Pt right) {
    for (auto& line : lines) {
        if (line.items.empty()) continue;
        // First to the left (a line set right to left comes aligned to the right), then over.
        Pt shift = left - left_edge(line);
        if (side != Side::Left) {
            const Pt slack = right - (right_edge(line) + shift);
            shift += side == Side::Center ? slack / 2.0 : slack;
        }
        if (shift == Pt(0)) continue;
        for (auto& item : line.items) translate(item, shift, Pt(0));
    }
}

}  // namespace

std::vector<Unit> table_units(const TableSource& table, const TablePlace& at, const Brand& brand, const Layout& L,
                              const text::ParagraphStyle& body, const text::TextContext& ctx, Diagnostics& diags) {
    const auto& t = L.type;
    const Pt pad = t.body * 0.4;
    std::size_t columns = table.align.size();
    for (const auto& row : table.rows) columns = std::max(columns, row.cells.size());
    if (columns == 0 || table.rows.empty()) return {};

    text::ParagraphStyle cell_style = body;
    cell_style.hyphenation = Hyphenation::Off;
    cell_style.align = Align::RaggedRight;
    const auto runs_for = [&](const TableRow& row, std::size_t c) {
        std::vector<Span> spans = c < row.cells.size() ? row.cells[c] : std::vector<Span>{};
        const FontStyle base = row.kind == RowKind::Header ? FontStyle::Bold : FontStyle::Regular;
        return mark_phone(styled_runs(spans, brand.colors.text, brand.colors.primary, base), brand);
    };

    // Widths from content.
    std::vector<Column> cols(columns, {pad * 2.0, pad * 2.0});
    struct {
        std::string text;
        Pt width{0};
        bool phone = false;
    } widest;             // the widest word that cannot be broken, for the message
    Diagnostics scratch;  // measuring only: what setting finds is reported when the cells are set
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < columns; ++c) {
            const auto runs = runs_for(row, c);
            if (runs.empty()) continue;
            const Pt whole = text::set_line(runs, cell_style, ctx, scratch).width + pad * 2.0;
            Pt word{0};
            const auto note_word = [&](const std::string& text, Pt width, bool phone) {
                word = std::max(word, width);
                if (width > widest.width) widest = {text, width, phone};
            };
            for (const auto& r : runs) {
                // The clinic's number is one word: it is never broken.
                if (r.role == text::RunRole::PhoneNumber) {
                    note_word(r.text, text::set_line({r}, cell_style, ctx, scratch).width, true);
                    continue;
                }
                std::size_t start = 0;
                while (start <= r.text.size()) {
                    std::size_t end = r.text.find_first_of(" \n", start);
                    if (end == std::string::npos) end = r.text.size();
                    if (end > start) {
                        text::StyledRun piece = r;
                        piece.text = r.text.substr(start, end - start);
                        piece.anchors.clear();
                        note_word(piece.text, text::set_line({piece}, cell_style, ctx, scratch).width, false);
                    }
                    start = end + 1;
                }
            }
            cols[c].max = std::max(cols[c].max, whole);
            cols[c].min = std::max(cols[c].min, word + pad * 2.0);
        }
    }
    Pt sum_min{0}, sum_max{0};
    for (const auto& c : cols) {
        sum_min += c.min;
        sum_max += c.max;
    }
    if (sum_min > at.width + Pt(0.01)) {
        char msg[200];
        std::snprintf(
            msg, sizeof msg,
            "the table is too wide for its column: its %zu columns need at least %.0f pt, the column has %.0f pt",
            columns, sum_min.value(), at.width.value());
        // Name the word that cannot be broken: most often the clinic's number, which never is.
        const std::string shown = "\"" + utf8::shortened(widest.text, 60) + "\"";
        diags.error("layout.table", at.where, msg,
                    widest.phone ? "the clinic's number " + shown +
                                       " is never broken across lines; write it under the "
                                       "table instead of in a cell, use fewer columns, or a layout with wider columns"
                                 : "its longest word, " + shown +
                                       ", cannot be broken; use fewer columns or shorter words, "
                                       "or a layout with wider columns");
        return {};  // refused: one error at the table, its cells neither set nor placed
    }
    // Each column gets its minimum and a share of what is left, by how much more it would use.
    std::vector<Pt> widths(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        if (sum_max <= at.width)
            widths[c] = cols[c].max * (at.width / sum_max);
        else if (sum_max > sum_min)
            widths[c] = cols[c].min + (cols[c].max - cols[c].min) * ((at.width - sum_min) / (sum_max - sum_min));
        else
            widths[c] = cols[c].min;
    }

    // The columns' left edges: the first column on the left, or in a right-to-left leaflet on
    // the right, the others following it in the leaflet's direction. Cells are still set (and
    // read) first column first.
    const bool rtl = body.language.rtl();
    std::vector<Pt> column_x(columns);
    Pt x_end = at.x;
    for (std::size_t c = 0; c < columns; ++c) {
        column_x[c] = x_end;
        x_end += widths[c];
    }
    const Pt table_width = x_end - at.x;
    if (rtl)
        for (std::size_t c = 0; c < columns; ++c) column_x[c] = at.x + table_width - (column_x[c] - at.x) - widths[c];

    // Rows: cells set in their columns, aligned, with the table's style behind them.
    std::vector<Unit> units;
    const Pt line_height = t.body * t.leading;
    int body_row = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const TableRow& row = table.rows[r];
        const bool header = row.kind == RowKind::Header;
        std::vector<std::vector<LineBox>> cells(columns);
        Pt height{0};
        for (std::size_t c = 0; c < columns; ++c) {
            ElementRef ref{header ? Role::TableHeader : Role::TableCell, at.section, at.block};
            ref.row = static_cast<int>(r);
            ref.column = static_cast<int>(c);
            const Pt x = column_x[c];
            const Pt inner = std::max(Pt(1), widths[c] - pad * 2.0);
            cells[c] = typeset(runs_for(row, c), cell_style, inner, x + pad, line_height, ctx, ref, diags);
            const CellAlign align = c < table.align.size() ? table.align[c] : CellAlign::Start;
            align_cell(cells[c], side_of(align, rtl), x + pad, x + pad + inner);
            Pt h{0};
            for (const auto& l : cells[c]) h += l.height;
            height = std::max(height, h);
        }
        LineBox box{height + pad * 2.0, {}};
        // Behind the text: the header tinted, every other body row faintly (zebra); rules below.
        if (header) {
            box.items.emplace_back(Box{{at.x, Pt(0), table_width, box.height},
                                       tint(brand.colors.primary, 0.14),
                                       std::nullopt,
                                       Pt(0),
                                       {Role::Decoration}});
        } else if (L.table_style == TableStyle::Zebra && body_row % 2 == 1) {
            box.items.emplace_back(Box{{at.x, Pt(0), table_width, box.height},
                                       tint(brand.colors.primary, 0.06),
                                       std::nullopt,
                                       Pt(0),
                                       {Role::Decoration}});
        }
        for (auto& cell : cells) {
            Pt y = pad;
            for (auto& line : cell) {
                for (auto& item : line.items) {
                    translate(item, Pt(0), y);
                    box.items.push_back(std::move(item));
                }
                y += line.height;
            }
        }
        if (L.table_style == TableStyle::Ruled || header)
            box.items.emplace_back(Rule{{at.x, box.height},
                                        {at.x + table_width, box.height},
                                        Pt(header ? 1.0 : 0.5),
                                        tint(brand.colors.primary, header ? 1.0 : 0.4),
                                        {Role::Decoration}});
        Unit u;
        u.content_section = at.section;
        u.split = Split::Never;
        u.what = "table row";
        u.where = row.where.line > 0 ? row.where : at.where;
        u.lines.push_back(std::move(box));
        if (header) {
            u.keep_with_next = true;
        } else {
            ++body_row;
        }
        units.push_back(std::move(u));
    }
    // The header again at the top of each further frame: the same drawing, as furniture.
    if (table.rows.front().kind == RowKind::Header && units.size() > 1) {
        LineBox again = units.front().lines.front();
        for (auto& item : again.items) std::visit([](auto& it) { it.source = ElementRef{Role::Decoration}; }, item);
        for (std::size_t k = 1; k < units.size(); ++k) units[k].repeat_header = {again};
    }
    return units;
}

}  // namespace leafpress
