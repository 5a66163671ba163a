#include "text/paragraph.hpp"

#include "text/script.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.hpp"
#include "text/itemize.hpp"
#include "text/pieces.hpp"

namespace leafpress::text {

namespace {

class ItemBuilder {
public:
    // `hyphens`: the patterns that offer hyphenation points, or nullptr for none.
    ItemBuilder(const Itemized& it, const std::vector<StyledRun>& runs, const ParagraphStyle& style,
                const TextContext& ctx, const Hyphenator* hyphens)
        : it_(it), runs_(runs), style_(style), ctx_(ctx), hyphens_(hyphens) {}

    Built build() {
        const std::size_t n = it_.text.size();
        out_.items.reserve(n / 2 + 8);  // about a box and a glue a word
        out_.refs.reserve(n / 2 + 8);
        const std::size_t last_word = last_word_start();
        std::size_t i = 0;
        while (i < n) {
            const char32_t c = it_.text[i];
            if (c == U'\n') {
                forced_break(i);
                ++i;
                continue;
            }
            if (is_space(c)) {
                std::size_t j = i;
                while (j < n && is_space(it_.text[j])) ++j;
                if (j < n && it_.text[j] != U'\n') add_space(i, j);  // trailing spaces vanish
                i = j;
                continue;
            }
            std::size_t j = i + 1;
            while (j < n && !is_space(it_.text[j]) && it_.text[j] != U'\n' && it_.breaks[j - 1] == BreakAfter::No &&
                   it_.run[j] == it_.run[i] && it_.face[j] == it_.face[i] && it_.level[j] == it_.level[i] &&
                   it_.script[j] == it_.script[i])
                ++j;
            add_piece(i, j, i >= last_word);
            if (j < n && !is_space(it_.text[j]) && it_.text[j] != U'\n' && it_.breaks[j - 1] != BreakAfter::No &&
                !inside_phone(j - 1, j)) {
                const char32_t before = it_.text[j - 1];
                const bool hyphen_char = before == U'-' || before == 0x2010 || before == 0x2013;
                push(penalty(Pt(0), hyphen_char ? 50 : 0, hyphen_char ? Flag::Hyphen : Flag::None),
                     {.char_index = j - 1, .run = it_.run[j - 1]});
            }
            i = j;
        }
        forced_break(n);
        return std::move(out_);
    }

    std::vector<Piece> take_pieces() { return std::move(pieces_); }

    // Ragged text hyphenates only to avoid a really short line: clear-print guidance for
    // patients asks for few hyphens. Justified text needs them to keep its spaces even.
    double hyphen_cost() const { return style_.align == Align::Justified ? 50 : 300; }

private:
    // Whether characters a and b are both in the same phone number, which never breaks.
    bool inside_phone(std::size_t a, std::size_t b) const {
        return b < it_.text.size() && it_.run[a] == it_.run[b] &&
               runs_[static_cast<std::size_t>(it_.run[a])].role == RunRole::PhoneNumber;
    }

    std::size_t last_word_start() const {
        std::size_t k = it_.text.size();
        while (k > 0 && (is_space(it_.text[k - 1]) || it_.text[k - 1] == U'\n')) --k;
        while (k > 0 && !is_space(it_.text[k - 1]) && it_.text[k - 1] != U'\n') --k;
        return k;
    }

    void push(Item item, ItemRef ref) {
        out_.items.push_back(item);
        out_.refs.push_back(ref);
    }

    void forced_break(std::size_t at) {
        push(penalty(Pt(0), kInfinity, Flag::None), {.char_index = at});  // the fill glue is no break itself
        push(glue(Pt(0), kFill, Pt(0)), {.char_index = at});
        push(penalty(Pt(0), -kInfinity, Flag::None), {.char_index = at});
    }

    // The advance of one character alone in a face, shaped once per paragraph.
    Pt advance_of(char32_t c, const Face* f) {
        auto [it, added] = advances_.try_emplace({f, c}, Pt(0));
        if (added) {
            const std::u32string s(1, c);
            const auto g = shape({s, 0, 1, f, style_.size, Direction::LeftToRight, style_.language.tag});
            it->second = g.empty() ? Pt(0) : g[0].advance;
        }
        return it->second;
    }

    Pt space_width(const Face* f) {
        const Pt w = advance_of(U' ', f);
        return w > Pt(0) ? w : style_.size * 0.26;
    }

    Pt hyphen_width(const Face* f) { return advance_of(U'-', f); }

    void add_space(std::size_t i, std::size_t j) {
        const Face* f = it_.face[i];
        const Pt w = space_width(f);
        const bool phone = i > 0 && inside_phone(i - 1, j);
        const bool justified = style_.align == Align::Justified && !phone;
        // UAX #14 may forbid a break at this space (before closing punctuation, say), and a
        // phone number never breaks.
        if (it_.breaks[j - 1] == BreakAfter::No || phone)
            push(penalty(Pt(0), kInfinity, Flag::None), {.char_index = i});
        push(glue(w, justified ? w * 0.5 : Pt(0), justified ? w / 3.0 : Pt(0)),
             {.char_index = i, .face = f, .run = it_.run[i], .level = it_.level[i]});
    }

    void add_piece(std::size_t start, std::size_t end, bool in_last_word) {
        Piece p{start, end, it_.run[start], it_.face[start], it_.level[start], it_.script[start], {}};
        p.glyphs = shape({it_.text, start, end - start, p.face, style_.size,
                          p.rtl() ? Direction::RightToLeft : Direction::LeftToRight, style_.language.tag, p.script});
        pieces_.push_back(std::move(p));
        const int index = static_cast<int>(pieces_.size()) - 1;
        const Piece& piece = pieces_.back();

        std::vector<std::size_t> splits;  // glyph indices where a hyphen may go
        if (!in_last_word) splits = hyphen_splits(piece);
        std::size_t from = 0;
        const Pt hw = splits.empty() ? Pt(0) : hyphen_width(piece.face);
        for (std::size_t s : splits) {
            push_box(index, from, s);
            push(penalty(hw, hyphen_cost(), Flag::Hyphen), {.char_index = piece.glyphs[s].cluster,
                                                            .face = piece.face,
                                                            .run = piece.run,
                                                            .level = piece.level,
                                                            .hyphen = true});
            from = s;
        }
        push_box(index, from, piece.glyphs.size());
    }

    void push_box(int piece, std::size_t b, std::size_t e) {
        const Piece& p = pieces_[static_cast<std::size_t>(piece)];
        Pt w{0};
        for (std::size_t g = b; g < e; ++g) w += p.glyphs[g].advance;
        push(box(w), {.piece = piece, .glyph_begin = b, .glyph_end = e, .run = p.run, .level = p.level});
    }

    // Glyph indices at which the piece may be hyphenated, from the language's patterns.
    std::vector<std::size_t> hyphen_splits(const Piece& p) const {
        std::vector<std::size_t> out;
        if (!hyphens_ || style_.hyphenation == Hyphenation::Off || p.rtl()) return out;
        const StyledRun& run = runs_[static_cast<std::size_t>(p.run)];
        if (!run.link.empty() || run.role == RunRole::PhoneNumber) return out;
        auto* funcs = hb_unicode_funcs_get_default();
        const auto is_letter = [&](char32_t c) {
            const auto cat = hb_unicode_general_category(funcs, c);
            return cat == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER ||
                   cat == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER ||
                   cat == HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER ||
                   cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK;
        };
        std::size_t a = p.start, b = p.end;
        while (a < b && !is_letter(it_.text[a])) ++a;
        while (b > a && !is_letter(it_.text[b - 1])) --b;
        if (b - a < 5) return out;
        for (std::size_t k = a; k < b; ++k)
            if (!is_letter(it_.text[k])) return out;
        // Acronyms and words in capitals are left whole.
        for (std::size_t k = a + 1; k < b; ++k)
            if (hb_unicode_general_category(funcs, it_.text[k]) == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER)
                return out;
        const auto points = hyphens_->points(std::u32string_view(it_.text).substr(a, b - a));
        for (std::size_t pt : points) {
            const std::uint32_t cluster = static_cast<std::uint32_t>(a + pt);
            // Only where a glyph starts exactly there: a ligature across the point keeps the word whole.
            for (std::size_t g = 1; g < p.glyphs.size(); ++g) {
                if (p.glyphs[g].cluster == cluster && p.glyphs[g - 1].cluster < cluster) {
                    out.push_back(g);
                    break;
                }
            }
        }
        return out;
    }

    const Itemized& it_;
    const std::vector<StyledRun>& runs_;
    const ParagraphStyle& style_;
    const TextContext& ctx_;
    const Hyphenator* hyphens_ = nullptr;
    Built out_;
    std::vector<Piece> pieces_;
    std::map<std::pair<const Face*, char32_t>, Pt> advances_;
};

// Splits every unbreakable stretch wider than the measure at its glyph clusters, so that
// nothing is drawn outside the text area. Returns whether it had to.
bool split_overlong(Built& b, const std::vector<Piece>& pieces, const std::vector<StyledRun>& runs, Pt width) {
    bool any = false;
    Built out;
    std::size_t i = 0;
    while (i < b.items.size()) {
        // A group: items up to the next legal break.
        std::size_t j = i;
        Pt w{0};
        while (j < b.items.size()) {
            const Item& it = b.items[j];
            if (it.type == ItemType::Glue && j > i && b.items[j - 1].type == ItemType::Box) break;
            if (it.type == ItemType::Penalty && it.penalty < kInfinity) break;
            if (it.type == ItemType::Box) w += it.width;
            if (it.type == ItemType::Glue) {
                ++j;
                break;
            }
            ++j;
        }
        if (j == i) j = i + 1;
        for (std::size_t k = i; k < j; ++k) {
            const Item& it = b.items[k];
            const ItemRef& ref = b.refs[k];
            // A phone number is never split: too wide, it overflows and the build says so.
            if (w <= width || it.type != ItemType::Box || ref.piece < 0 ||
                runs[static_cast<std::size_t>(ref.run)].role == RunRole::PhoneNumber) {
                out.items.push_back(it);
                out.refs.push_back(ref);
                continue;
            }
            any = true;
            const Piece& p = pieces[static_cast<std::size_t>(ref.piece)];
            // Chunks of whole clusters, in logical order.
            std::vector<std::pair<std::size_t, std::size_t>> chunks;
            std::size_t s = ref.glyph_begin;
            for (std::size_t g = ref.glyph_begin + 1; g <= ref.glyph_end; ++g) {
                if (g == ref.glyph_end || p.glyphs[g].cluster != p.glyphs[g - 1].cluster) {
                    chunks.emplace_back(s, g);
                    s = g;
                }
            }
            if (p.rtl()) std::reverse(chunks.begin(), chunks.end());
            for (std::size_t c = 0; c < chunks.size(); ++c) {
                if (c > 0) {
                    out.items.push_back(penalty(Pt(0), 1000, Flag::None));
                    out.refs.push_back({.char_index = p.glyphs[chunks[c].first].cluster, .run = p.run});
                }
                Pt cw{0};
                for (std::size_t g = chunks[c].first; g < chunks[c].second; ++g) cw += p.glyphs[g].advance;
                out.items.push_back(box(cw));
                ItemRef r = ref;
                r.glyph_begin = chunks[c].first;
                r.glyph_end = chunks[c].second;
                out.refs.push_back(r);
            }
        }
        i = j;
    }
    b = std::move(out);
    return any;
}

// The first phone-number run (RunRole::PhoneNumber) wider than `width`, which no line can hold
// whole and which is never broken; -1 when there is none.
int too_wide_phone(const Built& b, const std::vector<StyledRun>& runs, Pt width) {
    std::vector<Pt> widths(runs.size(), Pt(0));
    for (std::size_t k = 0; k < b.items.size(); ++k) {
        const int r = b.refs[k].run;
        if (r < 0 || runs[static_cast<std::size_t>(r)].role != RunRole::PhoneNumber) continue;
        if (b.items[k].type == ItemType::Box || b.items[k].type == ItemType::Glue)
            widths[static_cast<std::size_t>(r)] += b.items[k].width;
    }
    for (std::size_t r = 0; r < runs.size(); ++r)
        if (widths[r] > width + Pt(0.01)) return static_cast<int>(r);
    return -1;
}

// Moves a line that is narrower than the measure to its right edge.
void align_right(Line& line, Pt width) {
    if (line.width >= width) return;
    const Pt shift = width - line.width;
    for (auto& lr : line.runs) {
        lr.left += shift;
        lr.right += shift;
        for (auto& g : lr.glyphs) g.x += shift;
    }
    line.width = width;
}

// The paragraph's lines, each starting at its left edge.
SetParagraph set_lines(const std::vector<StyledRun>& runs, const ParagraphStyle& style, Pt width,
                       const TextContext& context, Diagnostics& diags) {
    SetParagraph result;
    const Itemized it = itemize(runs, style, context, diags);
    result.direction = it.direction;
    if (it.text.empty()) return result;

    BreakOptions options;
    if (style.align == Align::RaggedRight) {
        options.ragged_stretch = style.size * 3.0;
        options.tolerance = 1000;
    }
    // As TeX does: first without hyphens, accepting only lines of good fit (ragged: no line
    // shorter than the usual tolerance allows, about six ems; justified: spaces stretched no
    // more than TeX's pretolerance of 100); only when that fails are hyphenation points added
    // (and the patterns read, the first time).
    struct Attempt {
        Built built;
        std::vector<Piece> pieces;
        bool overlong = false;
        Breaks breaks;
    };
    const auto attempt = [&](const Hyphenator* hyphens, const BreakOptions& o) {
        ItemBuilder builder(it, runs, style, context, hyphens);
        Attempt a{builder.build(), builder.take_pieces(), false, {}};
        a.overlong = split_overlong(a.built, a.pieces, runs, width);
        a.breaks = break_lines(a.built.items, width, o);
        return a;
    };
    const bool may_hyphenate = context.hyphenator && style.hyphenation == Hyphenation::On;
    BreakOptions first = options;
    if (style.align == Align::Justified) first.tolerance = 100;
    Attempt chosen = attempt(nullptr, may_hyphenate ? first : options);
    // A word wider than the measure is hyphenated, where the patterns allow, before it is
    // broken anywhere.
    if (may_hyphenate && (!chosen.breaks.within_tolerance || chosen.overlong))
        if (const Hyphenator* h = context.hyphenator->get()) chosen = attempt(h, options);
    result.split_words = chosen.overlong;
    if (chosen.overlong) {
        diags.warning("text.overlong-word", context.where,
                      "a word or address is wider than the column and is broken inside",
                      "shorten it or give it a line of its own");
    }
    const Built& built = chosen.built;
    const std::vector<Piece>& pieces = chosen.pieces;
    const Breaks& breaks = chosen.breaks;
    if (const int r = too_wide_phone(built, runs, width); r >= 0) {
        const StyledRun& run = runs[static_cast<std::size_t>(r)];
        SourcePos at = context.where;
        if (const auto lc = locate(run.text, run.anchors, 0)) at = {at.file, lc->first, lc->second};
        diags.error("layout.phone", at,
                    "the clinic's phone number \"" + run.text + "\" is wider than its column (" +
                        std::to_string(static_cast<int>(width.value())) + " pt) and is never broken",
                    "give the number fewer words around it, write it without its country code, or use a layout with "
                    "wider columns");
    } else if (breaks.overfull)
        diags.error("check.overflow", context.where, "a line of text is wider than its column and cannot be broken",
                    "a single character or mark is wider than the column: make the column wider");
    std::size_t from = 0;
    for (std::size_t k = 0; k < breaks.positions.size(); ++k) {
        const std::size_t to = breaks.positions[k];
        const bool last = built.items[to].type == ItemType::Penalty && built.items[to].penalty <= -kInfinity;
        Line line =
            set_one_line(built, pieces, it, runs, style, from, to, width, last ? LineEnd::Forced : LineEnd::Break);
        line.reach = reach_of(line);
        if (!line.runs.empty() || !last) result.lines.push_back(std::move(line));
        from = to + 1;
    }
    return result;
}

}  // namespace

SetParagraph set_paragraph(const std::vector<StyledRun>& runs, const ParagraphStyle& style, Pt width,
                           const TextContext& context, Diagnostics& diags) {
    SetParagraph result = set_lines(runs, style, width, context, diags);
    // Right-to-left paragraphs align to the right edge.
    if (result.direction == Direction::RightToLeft)
        for (auto& line : result.lines) align_right(line, width);
    return result;
}

LineReach reach_of(const Line& line) {
    LineReach r;
    for (const auto& run : line.runs) {
        if (!run.face) continue;
        // A face's extents count where it sets the letters of a script; a symbol face (a ≥, a
        // ☎ among Latin letters) is given room for its ink alone, as its extents are made for
        // its tallest symbols, not for lines of text.
        const bool letters = std::any_of(run.glyphs.begin(), run.glyphs.end(), [](const LineGlyph& g) {
            return std::any_of(g.text.begin(), g.text.end(), [](char32_t c) { return !is_common(c); });
        });
        if (letters) {
            const VerticalMetrics m = vertical_metrics(*run.face, run.size);
            r.face_above = std::max(r.face_above, m.ascent);
            r.face_below = std::max(r.face_below, m.descent);
        }
        for (const auto& g : run.glyphs) {
            const GlyphInk ink = glyph_ink(*run.face, g.gid, run.size);
            if (ink.empty) continue;
            r.ink_above = std::max(r.ink_above, g.y_offset + ink.top);
            r.ink_below = std::max(r.ink_below, -(g.y_offset + ink.bottom));
        }
    }
    return r;
}

Line set_line(const std::vector<StyledRun>& runs, const ParagraphStyle& style, const TextContext& context,
              Diagnostics& diags) {
    ParagraphStyle s = style;
    s.hyphenation = Hyphenation::Off;
    s.align = Align::RaggedRight;
    // Not aligned: the caller places the line, which starts at its left edge.
    auto p = set_lines(runs, s, Pt(1e6), context, diags);
    if (p.lines.empty()) return {};
    return std::move(p.lines.front());
}

}  // namespace leafpress::text
