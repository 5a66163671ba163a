// Setting one line of a broken paragraph, in steps: its elements, justified; reordered for
// bidi; grouped into runs of glyphs at their positions; each run's text in reading order.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "text/pieces.hpp"

namespace leafpress::text {

namespace {

// One element of a line in logical order, before bidi reordering.
struct Element {
    const ItemRef* ref;
    Pt width;
    bool is_glue;
    bool hyphen_after = false;
};

struct Elements {
    std::vector<Element> elems;
    Pt natural{0}, stretch{0}, shrink{0};
    bool hyphenated = false;
};

// The boxes and glue of items [from, to) in logical order, without what vanishes at the line's
// start and end, and their natural width, stretch and shrink. A line broken at a hyphenation
// point gets the hyphen after its last box.
Elements elements_of(const Built& b, std::size_t from, std::size_t to) {
    Elements out;
    auto& elems = out.elems;
    while (from < to && b.items[from].type != ItemType::Box) ++from;
    for (std::size_t k = from; k < to; ++k) {
        const Item& item = b.items[k];
        if (item.type == ItemType::Penalty) continue;
        elems.push_back({&b.refs[k], item.width, item.type == ItemType::Glue});
    }
    while (!elems.empty() && elems.back().is_glue) elems.pop_back();
    for (const auto& e : elems) {
        const Item& item = b.items[static_cast<std::size_t>(e.ref - b.refs.data())];
        out.natural += item.width;
        out.stretch += item.stretch;
        out.shrink += item.shrink;
    }
    const Item& brk = b.items[to];
    if (brk.type == ItemType::Penalty && b.refs[to].hyphen && !elems.empty()) {
        for (auto e = elems.rbegin(); e != elems.rend(); ++e)
            if (!e->is_glue) {
                e->hyphen_after = true;
                break;
            }
        out.natural += brk.width;
        out.hyphenated = true;
    }
    return out;
}

// Stretches or shrinks the glue: to the measure in justified text (not the last line, which
// keeps its natural spaces), and in any text whose natural width is too wide.
void justify(Elements& line, const Built& b, const ParagraphStyle& style, Pt width, bool last) {
    double r = style.align == Align::Justified ? adjustment_ratio(line.natural, line.stretch, line.shrink, width) : 0.0;
    if (!std::isfinite(r) || (last && r > 0)) r = 0;
    if (line.natural > width && line.shrink > Pt(0))
        r = std::max(-1.0, adjustment_ratio(line.natural, line.stretch, line.shrink, width));
    for (auto& e : line.elems) {
        if (!e.is_glue) continue;
        const std::size_t k = static_cast<std::size_t>(e.ref - b.refs.data());
        e.width = e.width + (r >= 0 ? b.items[k].stretch * r : b.items[k].shrink * r);
    }
}

// An element's bidi level; glue takes the paragraph's level at least.
unsigned char level_of(const Element& e, unsigned char base) {
    return e.is_glue ? std::max(e.ref->level, base) : e.ref->level;
}

// Bidi: reverses runs of elements at each level from the highest to the lowest odd one (UAX #9 L2).
void reorder(std::vector<Element>& elems, unsigned char base) {
    std::vector<unsigned char> lv;
    for (const auto& e : elems) lv.push_back(level_of(e, base));
    unsigned char hi = 0, lo_odd = 255;
    for (auto l : lv) {
        hi = std::max(hi, l);
        if (l % 2 == 1) lo_odd = std::min(lo_odd, l);
    }
    for (int level = hi; level >= lo_odd && level > 0; --level) {
        std::size_t k = 0;
        while (k < elems.size()) {
            if (lv[k] < level) {
                ++k;
                continue;
            }
            std::size_t e = k;
            while (e < elems.size() && lv[e] >= level) ++e;
            std::reverse(elems.begin() + static_cast<long>(k), elems.begin() + static_cast<long>(e));
            std::reverse(lv.begin() + static_cast<long>(k), lv.begin() + static_cast<long>(e));
            k = e;
        }
    }
}

std::u32string cluster_text(const Itemized& it, const Piece& p, std::size_t g) {
    const std::uint32_t c = p.glyphs[g].cluster;
    // Clusters are monotone: they rise along the glyphs left to right, or fall right to left.
    // The cluster ends where the next larger value starts, or at the piece's end.
    std::size_t end = p.end;
    if (!p.rtl()) {
        for (std::size_t k = g + 1; k < p.glyphs.size(); ++k)
            if (p.glyphs[k].cluster != c) {
                end = p.glyphs[k].cluster;
                break;
            }
    } else {
        for (std::size_t k = g; k-- > 0;)
            if (p.glyphs[k].cluster != c) {
                end = p.glyphs[k].cluster;
                break;
            }
    }
    return it.text.substr(c, end - c);
}

// What each run of a line is read as: its clusters by their place in the paragraph (kept for
// runs set right to left, whose reading order differs from their drawing order), and its
// logically first character.
struct RunText {
    std::vector<std::pair<std::size_t, std::u32string>> clusters;
    std::size_t first_char = SIZE_MAX;
    bool rtl = false;
    unsigned char level = 0;
};

// Places the elements, in visual order, left to right from 0 and groups their glyphs into runs
// of one face, size, colour, link and direction (text read in one sweep: a space between a
// number and the right-to-left words around it is a run of its own).
class RunGrouper {
public:
    RunGrouper(Line& line, const std::vector<Piece>& pieces, const Itemized& it, const std::vector<StyledRun>& runs,
               const ParagraphStyle& style)
        : line_(line), pieces_(pieces), it_(it), runs_(runs), style_(style) {}

    // `space_after`: the element after which the line was broken at a space, which keeps that
    // space for readers; `brk`: the break's item.
    std::vector<RunText> group(const std::vector<Element>& elems, unsigned char base, const Element* space_after,
                               const ItemRef& brk) {
        for (const auto& e : elems) {
            if (e.is_glue)
                add_glue(e, base);
            else
                add_box(e, &e == space_after ? &brk : nullptr);
        }
        line_.width = x_;
        return std::move(texts_);
    }

private:
    LineRun& run_for(const Face* face, int run, unsigned char level) {
        const StyledRun& sr = runs_[static_cast<std::size_t>(run)];
        if (line_.runs.empty() || line_.runs.back().face != face || line_.runs.back().source != run ||
            texts_.back().level % 2 != level % 2) {
            line_.runs.push_back({face, style_.size, sr.color, sr.link, sr.role, run, {}, x_, x_});
            line_.runs.back().language = sr.language;
            texts_.push_back({});
            texts_.back().level = level;
        }
        return line_.runs.back();
    }

    // A cluster of the current run at `index` in the paragraph: the characters of a run at an
    // odd level are put in reading order later.
    void note(std::size_t index, const std::u32string& text) {
        RunText& t = texts_.back();
        t.first_char = std::min(t.first_char, index);
        if (t.level % 2 == 1) t.clusters.emplace_back(index, text);
    }

    void add_glue(const Element& e, unsigned char base) {
        const ItemRef& ref = *e.ref;
        hb_codepoint_t gid = 0;
        hb_font_get_nominal_glyph(ref.face->hb_font(), U' ', &gid);
        LineRun& lr = run_for(ref.face, ref.run, std::max(ref.level, base));
        lr.glyphs.push_back({gid, x_, Pt(0), e.width, U" "});
        note(ref.char_index, U" ");
        x_ += e.width;
        lr.right = x_;
    }

    // `brk`: the break at a space right after this element, or nullptr.
    void add_box(const Element& e, const ItemRef* brk) {
        const ItemRef& ref = *e.ref;
        const Piece& p = pieces_[static_cast<std::size_t>(ref.piece)];
        LineRun& lr = run_for(p.face, p.run, p.level);
        const Pt element_start = x_;
        const std::size_t element_first = lr.glyphs.size();
        std::uint32_t prev_cluster = UINT32_MAX;
        for (std::size_t g = ref.glyph_begin; g < ref.glyph_end; ++g) {
            const ShapedGlyph& sg = p.glyphs[g];
            std::u32string t;
            if (sg.cluster != prev_cluster) {
                t = cluster_text(it_, p, g);
                note(sg.cluster, t);
                if (p.rtl()) texts_.back().rtl = true;
                // Extraction reverses right-to-left runs as a whole, the characters of a
                // ligature included; store them in visual order so that they come out logical.
                if (p.rtl()) std::reverse(t.begin(), t.end());
            }
            prev_cluster = sg.cluster;
            lr.glyphs.push_back({sg.gid, x_ + sg.x_offset, sg.y_offset, sg.advance, std::move(t)});
            x_ += sg.advance;
        }
        if (e.hyphen_after) add_hyphen(lr, p);
        lr.right = x_;
        if (brk) add_space_after(lr, p, element_start, element_first, *brk);
    }

    void add_hyphen(LineRun& lr, const Piece& p) {
        const std::u32string h = U"-";
        const auto hg = shape({h, 0, 1, p.face, style_.size, Direction::LeftToRight, style_.language.tag});
        for (const auto& g : hg) {
            lr.glyphs.push_back({g.gid, x_ + g.x_offset, g.y_offset, g.advance, U"-", GlyphKind::Hyphen});
            x_ += g.advance;
        }
    }

    // The space the line was broken at, as a glyph without width, in the element's own face (the
    // space may be in another: after a phone number set in a Latin face inside Persian text, say).
    void add_space_after(LineRun& lr, const Piece& p, Pt element_start, std::size_t element_first, const ItemRef& brk) {
        hb_codepoint_t gid = 0;
        if (!hb_font_get_nominal_glyph(p.face->hb_font(), U' ', &gid) || gid == 0) return;
        // Glyphs stay in drawing order: a right-to-left element's end is at its left, so there
        // the space goes before the element's first glyph (which stands at the same place):
        // read right to left, it comes after the word.
        const LineGlyph space{gid, p.rtl() ? element_start : x_, Pt(0), Pt(0), U" "};
        if (p.rtl())
            lr.glyphs.insert(lr.glyphs.begin() + static_cast<std::ptrdiff_t>(element_first), space);
        else
            lr.glyphs.push_back(space);
        note(brk.char_index, U" ");
        if (p.rtl())
            std::stable_sort(lr.glyphs.begin(), lr.glyphs.end(),
                             [](const LineGlyph& a, const LineGlyph& c) { return a.x < c.x; });
    }

    Line& line_;
    const std::vector<Piece>& pieces_;
    const Itemized& it_;
    const std::vector<StyledRun>& runs_;
    const ParagraphStyle& style_;
    Pt x_{0};
    std::vector<RunText> texts_;
};

// Each run's first character in the paragraph, and the text of runs set right to left in
// reading order (what the PDF's ToUnicode and ActualText give a reader).
void reading_order(Line& line, std::vector<RunText>& texts) {
    for (std::size_t r = 0; r < line.runs.size(); ++r) {
        auto& t = texts[r];
        if (t.first_char != SIZE_MAX) line.runs[r].first_char = t.first_char;
        if (!t.rtl) continue;
        std::stable_sort(t.clusters.begin(), t.clusters.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& c : t.clusters) line.runs[r].logical += c.second;
    }
}

}  // namespace

Line set_one_line(const Built& b, const std::vector<Piece>& pieces, const Itemized& it,
                  const std::vector<StyledRun>& runs, const ParagraphStyle& style, std::size_t from, std::size_t to,
                  Pt width, LineEnd end) {
    const bool last = end == LineEnd::Forced;
    Elements elements = elements_of(b, from, to);
    Line line;
    line.hyphenated = elements.hyphenated;
    justify(elements, b, style, width, last);
    std::vector<Element>& elems = elements.elems;
    // A line broken at a space keeps that space for readers: a glyph without width after the
    // line's logically last element, so that extraction and tagged text read "word word".
    const ItemRef* space_after =
        !last && !line.hyphenated && !elems.empty() && b.items[to].type == ItemType::Glue && b.refs[to].face
            ? elems.back().ref
            : nullptr;
    const unsigned char base = it.direction == Direction::RightToLeft ? 1 : 0;
    reorder(elems, base);
    const Element* after = nullptr;
    for (const auto& e : elems)
        if (e.ref == space_after) after = &e;
    std::vector<RunText> texts = RunGrouper(line, pieces, it, runs, style).group(elems, base, after, b.refs[to]);
    reading_order(line, texts);
    return line;
}

}  // namespace leafpress::text
