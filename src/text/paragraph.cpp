#include "text/paragraph.hpp"

#include "text/script.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.hpp"
#include "text/itemize.hpp"

namespace leafpress::text {

namespace {

// A shaped stretch of characters in one run, face and level.
struct Piece {
    std::size_t start = 0, end = 0;
    int run = 0;
    const Face* face = nullptr;
    unsigned char level = 0;
    hb_script_t script = HB_SCRIPT_COMMON;
    std::vector<ShapedGlyph> glyphs;
    [[nodiscard]] bool rtl() const { return level % 2 == 1; }
};

// What a break_lines item stands for.
struct ItemRef {
    int piece = -1;                     // boxes: glyphs [glyph_begin, glyph_end) of a piece
    std::size_t glyph_begin = 0, glyph_end = 0;
    std::size_t char_index = 0;         // glue: its first space; penalties: the character before
    const Face* face = nullptr;         // glue: face of the space; flagged penalty: face of the hyphen
    int run = 0;
    unsigned char level = 0;
    bool hyphen = false;                // a penalty that adds a hyphen when broken at
};

struct Built {
    std::vector<Item> items;
    std::vector<ItemRef> refs;
};

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
                push(penalty(Pt(0), hyphen_char ? 50 : 0, hyphen_char ? Flag::Hyphen : Flag::None), {.char_index = j - 1, .run = it_.run[j - 1]});
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
        if (it_.breaks[j - 1] == BreakAfter::No || phone) push(penalty(Pt(0), kInfinity, Flag::None), {.char_index = i});
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
            push(penalty(hw, hyphen_cost(), Flag::Hyphen), {.char_index = piece.glyphs[s].cluster, .face = piece.face,
                                         .run = piece.run, .level = piece.level, .hyphen = true});
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
            if (it.type == ItemType::Glue) { ++j; break; }
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

// One element of a line in logical order, before bidi reordering.
struct Element {
    const ItemRef* ref;
    Pt width;
    bool is_glue;
    bool hyphen_after = false;
};

std::u32string cluster_text(const Itemized& it, const Piece& p, std::size_t g) {
    const std::uint32_t c = p.glyphs[g].cluster;
    // Clusters are monotone: they rise along the glyphs left to right, or fall right to left.
    // The cluster ends where the next larger value starts, or at the piece's end.
    std::size_t end = p.end;
    if (!p.rtl()) {
        for (std::size_t k = g + 1; k < p.glyphs.size(); ++k)
            if (p.glyphs[k].cluster != c) { end = p.glyphs[k].cluster; break; }
    } else {
        for (std::size_t k = g; k-- > 0;)
            if (p.glyphs[k].cluster != c) { end = p.glyphs[k].cluster; break; }
    }
    return it.text.substr(c, end - c);
}

enum class LineEnd { Break, Forced };  // Forced: the paragraph's end or a hard line break

Line set_one_line(const Built& b, const std::vector<Piece>& pieces, const Itemized& it,
                  const std::vector<StyledRun>& runs, const ParagraphStyle& style, std::size_t from, std::size_t to,
                  Pt width, LineEnd end) {
    const bool last = end == LineEnd::Forced;
    // Skip what vanishes at the start of a line.
    while (from < to && b.items[from].type != ItemType::Box) ++from;
    std::vector<Element> elems;
    Pt natural{0}, stretch{0}, shrink{0};
    for (std::size_t k = from; k < to; ++k) {
        const Item& item = b.items[k];
        if (item.type == ItemType::Penalty) continue;
        elems.push_back({&b.refs[k], item.width, item.type == ItemType::Glue});
    }
    while (!elems.empty() && elems.back().is_glue) elems.pop_back();
    for (const auto& e : elems) {
        const Item& item = b.items[static_cast<std::size_t>(e.ref - b.refs.data())];
        natural += item.width;
        stretch += item.stretch;
        shrink += item.shrink;
    }
    Line line;
    const Item& brk = b.items[to];
    if (brk.type == ItemType::Penalty && b.refs[to].hyphen && !elems.empty()) {
        for (auto e = elems.rbegin(); e != elems.rend(); ++e)
            if (!e->is_glue) { e->hyphen_after = true; break; }
        natural += brk.width;
        line.hyphenated = true;
    }
    double r = style.align == Align::Justified ? adjustment_ratio(natural, stretch, shrink, width) : 0.0;
    if (!std::isfinite(r) || (last && r > 0)) r = 0;
    if (natural > width && shrink > Pt(0)) r = std::max(-1.0, adjustment_ratio(natural, stretch, shrink, width));
    for (auto& e : elems) {
        if (!e.is_glue) continue;
        const std::size_t k = static_cast<std::size_t>(e.ref - b.refs.data());
        e.width = e.width + (r >= 0 ? b.items[k].stretch * r : b.items[k].shrink * r);
    }

    // A line broken at a space keeps that space for readers: a glyph without width after the
    // line's logically last element, so that extraction and tagged text read "word word".
    const ItemRef* space_after = !last && !line.hyphenated && !elems.empty() && b.items[to].type == ItemType::Glue &&
                                         b.refs[to].face
                                     ? elems.back().ref
                                     : nullptr;
    // Bidi: reverse runs of elements at each level from the highest to the lowest odd one (UAX #9 L2).
    const unsigned char base = it.direction == Direction::RightToLeft ? 1 : 0;
    std::vector<unsigned char> lv;
    for (const auto& e : elems) lv.push_back(e.is_glue ? std::max(e.ref->level, base) : e.ref->level);
    unsigned char hi = 0, lo_odd = 255;
    for (auto l : lv) {
        hi = std::max(hi, l);
        if (l % 2 == 1) lo_odd = std::min(lo_odd, l);
    }
    for (int level = hi; level >= lo_odd && level > 0; --level) {
        std::size_t k = 0;
        while (k < elems.size()) {
            if (lv[k] < level) { ++k; continue; }
            std::size_t e = k;
            while (e < elems.size() && lv[e] >= level) ++e;
            std::reverse(elems.begin() + static_cast<long>(k), elems.begin() + static_cast<long>(e));
            std::reverse(lv.begin() + static_cast<long>(k), lv.begin() + static_cast<long>(e));
            k = e;
        }
    }

    // Positions, left to right, grouped into runs of one face, size, colour and link. For runs
    // with right-to-left text, each cluster's characters by their place in the paragraph, from
    // which the run's reading order is made below.
    Pt x{0};
    std::vector<std::vector<std::pair<std::size_t, std::u32string>>> clusters;
    std::vector<std::size_t> first_char;  // per run: its first character in the paragraph
    std::vector<bool> rtl_run;
    // A run holds one direction: text read in one sweep (a space between a number and the
    // right-to-left words around it is a run of its own).
    std::vector<unsigned char> run_level;
    const auto run_for = [&](const Face* face, int run, unsigned char level) -> LineRun& {
        const StyledRun& sr = runs[static_cast<std::size_t>(run)];
        if (line.runs.empty() || line.runs.back().face != face || line.runs.back().source != run ||
            run_level.back() % 2 != level % 2) {
            line.runs.push_back({face, style.size, sr.color, sr.link, sr.role, run, {}, x, x});
            line.runs.back().language = sr.language;
            clusters.emplace_back();
            first_char.push_back(SIZE_MAX);
            rtl_run.push_back(false);
            run_level.push_back(level);
        }
        return line.runs.back();
    };
    // A cluster of the current run at `index` in the paragraph: the characters of a run at an
    // odd level are put in reading order below.
    const auto note = [&](std::size_t index, const std::u32string& text) {
        first_char.back() = std::min(first_char.back(), index);
        if (run_level.back() % 2 == 1) clusters.back().emplace_back(index, text);
    };
    for (const auto& e : elems) {
        const ItemRef& ref = *e.ref;
        if (e.is_glue) {
            hb_codepoint_t gid = 0;
            hb_font_get_nominal_glyph(ref.face->hb_font(), U' ', &gid);
            LineRun& lr = run_for(ref.face, ref.run, std::max(ref.level, base));
            lr.glyphs.push_back({gid, x, Pt(0), e.width, U" "});
            note(ref.char_index, U" ");
            x += e.width;
            lr.right = x;
            continue;
        }
        const Piece& p = pieces[static_cast<std::size_t>(ref.piece)];
        LineRun& lr = run_for(p.face, p.run, p.level);
        const Pt element_start = x;
        const std::size_t element_first = lr.glyphs.size();
        std::uint32_t prev_cluster = UINT32_MAX;
        for (std::size_t g = ref.glyph_begin; g < ref.glyph_end; ++g) {
            const ShapedGlyph& sg = p.glyphs[g];
            std::u32string t;
            if (sg.cluster != prev_cluster) {
                t = cluster_text(it, p, g);
                note(sg.cluster, t);
                if (p.rtl()) rtl_run.back() = true;
                // Extraction reverses right-to-left runs as a whole, the characters of a
                // ligature included; store them in visual order so that they come out logical.
                if (p.rtl()) std::reverse(t.begin(), t.end());
            }
            prev_cluster = sg.cluster;
            lr.glyphs.push_back({sg.gid, x + sg.x_offset, sg.y_offset, sg.advance, std::move(t)});
            x += sg.advance;
        }
        if (e.hyphen_after) {
            const std::u32string h = U"-";
            const auto hg = shape({h, 0, 1, p.face, style.size, Direction::LeftToRight, style.language.tag});
            for (const auto& g : hg) {
                lr.glyphs.push_back({g.gid, x + g.x_offset, g.y_offset, g.advance, U"-", GlyphKind::Hyphen});
                x += g.advance;
            }
        }
        lr.right = x;
        if (e.ref == space_after) {
            // In the element's own face (the space may be in another: after a phone number set in
            // a Latin face inside Persian text, say).
            const ItemRef& brk = b.refs[to];
            hb_codepoint_t gid = 0;
            if (hb_font_get_nominal_glyph(p.face->hb_font(), U' ', &gid) && gid != 0) {
                // Glyphs stay in drawing order: a right-to-left element's end is at its left,
                // so there the space goes before the element's first glyph (which stands at the
                // same place): read right to left, it comes after the word.
                const LineGlyph space{gid, p.rtl() ? element_start : x, Pt(0), Pt(0), U" "};
                if (p.rtl()) lr.glyphs.insert(lr.glyphs.begin() + static_cast<std::ptrdiff_t>(element_first), space);
                else lr.glyphs.push_back(space);
                note(brk.char_index, U" ");
                if (p.rtl())
                    std::stable_sort(lr.glyphs.begin(), lr.glyphs.end(),
                                     [](const LineGlyph& a, const LineGlyph& c) { return a.x < c.x; });
            }
        }
    }
    line.width = x;
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
        auto& cs = clusters[r];
        if (first_char[r] != SIZE_MAX) line.runs[r].first_char = first_char[r];
        if (!rtl_run[r]) continue;
        std::stable_sort(cs.begin(), cs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& c : cs) line.runs[r].logical += c.second;
    }
    // Right-to-left paragraphs align to the right edge.
    if (it.direction == Direction::RightToLeft && x < width) {
        const Pt shift = width - x;
        for (auto& lr : line.runs) {
            lr.left += shift;
            lr.right += shift;
            for (auto& g : lr.glyphs) g.x += shift;
        }
        line.width = width;
    }
    return line;
}

}  // namespace

SetParagraph set_paragraph(const std::vector<StyledRun>& runs, const ParagraphStyle& style, Pt width,
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
                    "give the number fewer words around it, write it without its country code, or use a layout with wider columns");
    } else if (breaks.overfull)
        diags.error("check.overflow", context.where, "a line of text is wider than its column and cannot be broken",
                    "a single character or mark is wider than the column: make the column wider");
    std::size_t from = 0;
    for (std::size_t k = 0; k < breaks.positions.size(); ++k) {
        const std::size_t to = breaks.positions[k];
        const bool last = built.items[to].type == ItemType::Penalty && built.items[to].penalty <= -kInfinity;
        Line line = set_one_line(built, pieces, it, runs, style, from, to, width,
                                 last ? LineEnd::Forced : LineEnd::Break);
        line.reach = reach_of(line);
        if (!line.runs.empty() || !last) result.lines.push_back(std::move(line));
        from = to + 1;
    }
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
    auto p = set_paragraph(runs, s, Pt(1e6), context, diags);
    if (p.lines.empty()) return {};
    Line l = std::move(p.lines.front());
    if (p.direction == Direction::RightToLeft) {
        // set_paragraph aligned it to the right of an enormous measure; bring it back.
        Pt left{1e9};
        for (const auto& r : l.runs) left = std::min(left, r.left);
        for (auto& r : l.runs) {
            r.left -= left;
            r.right -= left;
            for (auto& g : r.glyphs) g.x -= left;
        }
        l.width = l.width - left;
    }
    return l;
}

}  // namespace leafpress::text
