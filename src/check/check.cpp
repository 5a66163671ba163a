#include "check/check.hpp"

#include <algorithm>
#include <map>
#include <cmath>
#include <cstdio>
#include <set>

#include "check/contrast.hpp"
#include "check/ink.hpp"
#include "check/readability.hpp"
#include "core/utf8.hpp"
#include "model/reading_order.hpp"
#include "style/phone.hpp"
#include "text/shape.hpp"

namespace leafpress {

namespace {

constexpr double kMinContrast = 4.5;       // WCAG 2.1 AA (1.4.3) for normal text
constexpr double kMinContrastLarge = 3.0;  // and for large text: 18 pt, or 14 pt bold
constexpr double kMaxGrade = 8.0;          // patient materials: grade 8 or lower
constexpr double kMinBodyPt = 12.0;        // clear-print guidance

std::string hex(Color c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", static_cast<int>(std::lround(c.r * 255)),
                  static_cast<int>(std::lround(c.g * 255)), static_cast<int>(std::lround(c.b * 255)));
    return buf;
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string normalized(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// A run's box: its advances across, and from cap height above the baseline to the baseline:
// where it is on the page (check.overlap compares its ink instead, check/ink.hpp).
InkBox box_of(const GlyphRun& g) {
    const Pt cap = g.face ? text::cap_height(*g.face, g.size) : g.size * 0.7;
    return {g.origin.x + g.left(), g.origin.x + g.right(), g.origin.y - cap, g.origin.y};
}

std::string quote_run(const GlyphRun& g) { return "\"" + utf8::shortened(utf8::encode(g.text), 40) + "\""; }

// The occurrences of the phone number on one page's items as a reader sees them: the runs layout
// marked as the number (Meaning::PhoneNumber), by line, left to right as drawn (in right-to-left
// text the bidi algorithm could otherwise show "ext. 9 +49 30 1234 5678" from runs that are in
// the right order in the model), pieces apart from each other (other words between) apart. An
// occurrence broken across lines is two pieces, neither of them the whole number.
struct PhonePiece {
    std::u32string text;
    const GlyphRun* first;  // its leftmost run
};

std::vector<PhonePiece> phone_pieces(const std::vector<PageItem>& items) {
    // The number's runs by baseline (a fallback font or the bidi algorithm splits them).
    std::map<double, std::vector<const GlyphRun*>> lines;
    for (const auto& item : items)
        if (const auto* g = std::get_if<GlyphRun>(&item); g && g->source.meaning == Meaning::PhoneNumber)
            lines[g->origin.y.value()].push_back(g);
    std::vector<PhonePiece> out;
    for (auto& [y, runs] : lines) {
        std::sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) {
            return a->origin.x + a->left() < b->origin.x + b->left();
        });
        for (std::size_t k = 0; k < runs.size(); ++k) {
            if (k == 0 || runs[k]->origin.x + runs[k]->left() > runs[k - 1]->origin.x + runs[k - 1]->right() + Pt(0.5))
                out.push_back({{}, runs[k]});
            out.back().text += runs[k]->text;
        }
    }
    return out;
}

// Whether one piece spells the number exactly as the clinic wrote it (the furniture's form).
bool shows_phone(const std::vector<PageItem>& items, const std::string& phone) {
    for (const auto& piece : phone_pieces(items))
        if (normalized(utf8::encode(piece.text)) == phone) return true;
    return false;
}

// The colour behind item `index` of `items` at `at`: the last filled box drawn before it that
// holds the point, else what was filled before `items` (`under`), else white paper.
struct Fill {
    Rect rect;
    Color color;
};

Color background_at(const std::vector<PageItem>& items, std::size_t index, Point at, const std::vector<Fill>& under) {
    for (std::size_t k = index; k-- > 0;) {
        const auto* box = std::get_if<Box>(&items[k]);
        if (!box || !box->fill) continue;
        const Rect& r = box->rect;
        if (at.x >= r.x && at.x <= r.right() && at.y >= r.y && at.y <= r.bottom()) return *box->fill;
    }
    for (std::size_t k = under.size(); k-- > 0;) {
        const Rect& r = under[k].rect;
        if (at.x >= r.x && at.x <= r.right() && at.y >= r.y && at.y <= r.bottom()) return under[k].color;
    }
    return Color{1, 1, 1};
}

void check_reading_grade(const CheckContext& in, Diagnostics& out) {
    if (in.doc.language.primary != "en") return;  // Flesch–Kincaid is for English
    TextStats all;
    for (const auto& s : in.doc.sections) {
        if (s.sources) continue;  // citations, not the leaflet's own words
        TextStats st;
        for (const auto& b : s.blocks) st += text_stats(plain_text(b.spans));
        all += st;
        const double grade = flesch_kincaid_grade(st);
        if (st.words >= 30 && grade > kMaxGrade) {
            const std::string name = s.heading.empty() ? "a section" : "section '" + s.heading + "'";
            out.warning("check.reading-grade", s.where,
                        name + " reads at grade " + fixed(grade, 1) + " (Flesch-Kincaid); aim for grade 8 or lower",
                        "use shorter sentences and shorter words");
        }
    }
    const double grade = flesch_kincaid_grade(all);
    if (all.words > 0 && grade > kMaxGrade)
        out.warning("check.reading-grade", in.doc.title_pos,
                    "the leaflet reads at grade " + fixed(grade, 1) + " (Flesch-Kincaid); aim for grade 8 or lower");
}

void check_review(const CheckContext& in, Diagnostics& out) {
    const ReviewState state = review_state(in.doc.reviewed, in.doc.next_review, in.today);
    if (state == ReviewState::Missing) {
        out.warning("check.review-date", in.doc.title_pos, "the leaflet has no reviewed date",
                    "add a line: reviewed = YYYY-MM-DD, the date a clinician last checked it");
        return;
    }
    if (state == ReviewState::Stale)
        out.warning("check.review-date", in.doc.next_review ? in.doc.next_review_pos : in.doc.reviewed_pos,
                    "the leaflet was last reviewed on " + to_iso(*in.doc.reviewed) + "; its review was due on " +
                        to_iso(*next_review_of(in.doc)),
                    "have it reviewed and update 'reviewed' (and 'next_review')");
    if (state == ReviewState::Future)
        out.warning("check.review-date", in.doc.reviewed_pos,
                    "the reviewed date " + to_iso(*in.doc.reviewed) + " is in the future");
}

void check_disclaimer(const CheckContext& in, Diagnostics& out) {
    if (in.brand.text_for(in.doc.language).disclaimer.empty())
        out.warning("check.disclaimer", {in.brand.source_file, 1, 1}, "the brand has no disclaimer",
                    "add disclaimer = \"...\" to the brand file; it is printed on every leaflet");
}

// A leaflet in another language than English that prints the brand's own (English) call to
// action or disclaimer, because the brand has no [text.<language>] with them.
void check_translation(const CheckContext& in, Diagnostics& out) {
    const Brand& b = in.brand;
    const Language& lang = in.doc.language;
    // By the language each text is written in (a [text.xx] table's, else the brand's own
    // `language`), not by its words: a brand written in Spanish serves Spanish leaflets.
    const BrandText shown = b.text_for(lang);
    std::vector<std::string> missing;
    if (!shown.call_to_action.empty() && shown.call_to_action_language.primary != lang.primary)
        missing.push_back("call_to_action");
    if (!shown.disclaimer.empty() && shown.disclaimer_language.primary != lang.primary) missing.push_back("disclaimer");
    if (missing.empty()) return;
    const bool has_table = b.texts.count(lang.tag) || b.texts.count(lang.primary);
    const std::string table = "[text." + (b.texts.count(lang.tag) ? lang.tag : lang.primary) + "]";
    std::string parts, lines;
    for (const auto& key : missing) {
        parts += (parts.empty() ? "" : " and ") + std::string(key == "disclaimer" ? "disclaimer" : "call to action");
        lines += "\n    " + key + " = \"...\"";
    }
    const std::string lacks = has_table ? table + " in the brand " + b.source_file + " has no " + parts
                                        : "the brand " + b.source_file + " has no " + table;
    const std::string written_in =
        b.language.tag.empty() || b.language.primary == "en" ? "English" : "'" + b.language.tag + "'";
    out.warning("brand.untranslated", in.doc.language_pos,
                "this leaflet is in '" + lang.tag + "' but " + lacks + ": its " + written_in + " " + parts +
                    (missing.size() > 1 ? " are" : " is") + " printed instead",
                "add to " + b.source_file + ", in the leaflet's language:\n    " + table + lines);
}

constexpr double kTolerance = 0.5;  // points: kerning may tuck one run into the next a little

bool overlap(const RunInk& a, const RunInk& b) { return inks_collide(a, b, Pt(kTolerance)); }

}  // namespace

// What a page's late furniture is checked against, kept when the page is let go.
struct PageMemo {
    Size size;
    bool phone = false;                               // the page's own items show the number
    std::vector<std::pair<RunInk, std::string>> ink;  // its text's ink, with a quote of each run
    std::vector<Fill> fills;                          // its filled boxes, in drawing order
};

// A contrast failure, to be reported once per pair of colours at the first place it happens.
struct ContrastFailure {
    int page, phase;  // phase 0: the page, 1: its late furniture
    std::size_t order;
    Color text, background;
    double ratio, needed;
    bool large;
};

struct LeafletChecker::State {
    State(CheckContext c, Diagnostics& out)
        : in(c), findings(out), phone(normalized(c.brand.phone)), finder(c.brand.phone) {}
    CheckContext in;
    Diagnostics& findings;
    const std::string phone;
    const PhoneFinder finder;
    DocumentStart start;
    int pages = 0;
    std::vector<PageMemo> memos;
    // The findings of each check, in the order they are given at the end; fits page by page.
    Diagnostics phone_found, headings_found, images_found;
    // Stranded headings, each with its section: reported at the end for a section with text on
    // some page (one whose text was refused, with an error of its own, strands nothing).
    // Each with its section and the block after it (the first of the section's for its heading).
    std::vector<std::pair<std::pair<int, int>, Diagnostic>> stranded;
    std::set<int> sections_with_text;
    std::vector<Diagnostics> fits_found;
    std::vector<ContrastFailure> contrast;
    std::vector<std::pair<ReadingKey, int>> levels;  // headings in reading order
    std::vector<bool> taglines_printed;

    // Where what an item came from is written: its block (a table's row), section or brand key.
    [[nodiscard]] SourcePos place_of(const ElementRef& r) const;
    [[nodiscard]] SourcePos link_place(const Link& link) const;
    void look(const std::vector<PageItem>& items, int page, int phase);
    void fits(const std::vector<PageItem>& items, int page, PageMemo& memo, int phase);
    void headings(const std::vector<PageItem>& items, int page);
    void contrast_of(const std::vector<PageItem>& items, int page, const std::vector<Fill>& under, int phase);
    void images(const std::vector<PageItem>& items);
    void tel_links(const std::vector<PageItem>& items, int page);
    void phone_whole(const std::vector<PageItem>& items, int page);
    void report_contrast();
    void body_size(Pt smallest);
    void alt_text();
    void heading_levels();
    void taglines();
};

LeafletChecker::LeafletChecker(CheckContext context, Diagnostics& findings)
    : state_(std::make_unique<State>(context, findings)) {}

LeafletChecker::~LeafletChecker() = default;

void LeafletChecker::start(const DocumentStart& start) {
    state_->start = start;
    state_->taglines_printed.assign(state_->in.brand.taglines.size(), false);
}

void LeafletChecker::page(const Page& page) {
    State& s = *state_;
    const int index = s.pages++;
    PageMemo memo;
    memo.size = page.size;
    memo.phone = shows_phone(page.items, s.phone);
    s.fits_found.emplace_back();
    s.fits(page.items, index, memo, 0);
    s.headings(page.items, index);
    s.contrast_of(page.items, index, {}, 0);
    s.images(page.items);
    s.tel_links(page.items, index);
    s.phone_whole(page.items, index);
    s.look(page.items, index, 0);
    for (const auto& item : page.items)
        if (const auto* box = std::get_if<Box>(&item); box && box->fill) memo.fills.push_back({box->rect, *box->fill});
    s.memos.push_back(std::move(memo));
}

void LeafletChecker::end(const DocumentEnd& end) {
    State& s = *state_;
    static const std::vector<PageItem> none;
    for (int p = 0; p < s.pages; ++p) {
        const auto& late = static_cast<std::size_t>(p) < end.late.size() ? end.late[static_cast<std::size_t>(p)] : none;
        PageMemo& memo = s.memos[static_cast<std::size_t>(p)];
        if (!memo.phone && !shows_phone(late, s.phone))
            s.phone_found.error(
                "check.phone", s.in.brand.position_of("phone"),
                "page " + std::to_string(p + 1) + " does not show the phone number " + s.in.brand.phone);
        if (late.empty()) continue;
        s.fits(late, p, memo, 1);
        s.headings(late, p);
        s.contrast_of(late, p, memo.fills, 1);
        s.images(late);
        s.tel_links(late, p);
        s.phone_whole(late, p);
        s.look(late, p, 1);
    }
    // In the order of the checks: the phone, fitting, stranded headings, sizes, contrast, alt
    // text, pictures, heading levels, reading grade, review, disclaimer, taglines.
    Diagnostics& out = s.findings;
    out.append(s.phone_found);
    for (const auto& d : s.fits_found) out.append(d);
    // A heading whose next block was refused (with an error of its own) strands nothing either.
    for (auto& [at, d] : s.stranded)
        if (s.sections_with_text.contains(at.first) &&
            std::find(end.refused.begin(), end.refused.end(), at) == end.refused.end())
            s.headings_found.add(std::move(d));
    out.append(s.headings_found);
    s.body_size(end.smallest);
    s.report_contrast();
    s.alt_text();
    out.append(s.images_found);
    s.heading_levels();
    check_reading_grade(s.in, out);
    check_review(s.in, out);
    check_disclaimer(s.in, out);
    check_translation(s.in, out);
    s.taglines();
}

SourcePos LeafletChecker::State::place_of(const ElementRef& r) const {
    const auto& sections = in.doc.sections;
    const auto known = [](const SourcePos& p) { return p.line > 0; };
    if (r.section >= 0 && static_cast<std::size_t>(r.section) < sections.size()) {
        const Section& s = sections[static_cast<std::size_t>(r.section)];
        if (r.block >= 0 && static_cast<std::size_t>(r.block) < s.blocks.size()) {
            const Block& b = s.blocks[static_cast<std::size_t>(r.block)];
            if (r.row >= 0 && static_cast<std::size_t>(r.row) < b.table.rows.size() &&
                known(b.table.rows[static_cast<std::size_t>(r.row)].where))
                return b.table.rows[static_cast<std::size_t>(r.row)].where;
            if (known(b.where)) return b.where;
        }
        return s.where;
    }
    const Brand& b = in.brand;
    switch (r.role) {
        case Role::CallToAction:
            return r.block == static_cast<int>(CallToActionPart::Invitation) ? b.position_of("call_to_action")
                                                                             : b.position_of("phone");
        case Role::Footer: return b.position_of("phone");
        case Role::Disclaimer: return b.position_of("disclaimer");
        case Role::LanguageHelp:
            if (r.block >= 0 && static_cast<std::size_t>(r.block) < b.taglines.size())
                return b.taglines[static_cast<std::size_t>(r.block)].where;
            return b.position_of("taglines");
        default: return in.doc.title_pos;
    }
}

// A link in the content is where its text is written; the brand's own links, at its phone.
SourcePos LeafletChecker::State::link_place(const Link& link) const {
    const auto& sections = in.doc.sections;
    const auto& r = link.source;
    if (r.section >= 0 && static_cast<std::size_t>(r.section) < sections.size()) {
        const Section& s = sections[static_cast<std::size_t>(r.section)];
        if (r.block >= 0 && static_cast<std::size_t>(r.block) < s.blocks.size()) {
            const Block& b = s.blocks[static_cast<std::size_t>(r.block)];
            std::vector<const Span*> spans;
            for (const auto& span : b.spans) spans.push_back(&span);
            for (const auto& row : b.table.rows)
                for (const auto& cell : row.cells)
                    for (const auto& span : cell) spans.push_back(&span);
            for (const Span* span : spans)
                if (span->link == link.uri)
                    if (const auto at = locate(span->text, span->anchors, 0))
                        return {b.where.file, at->first, at->second};
        }
        return place_of(r);
    }
    return in.brand.position_of("phone");
}

// What a page's items add to checks of the whole leaflet: headings for their levels, taglines.
void LeafletChecker::State::look(const std::vector<PageItem>& items, int, int) {
    for (const auto& item : items) {
        const auto* g = std::get_if<GlyphRun>(&item);
        if (!g) continue;
        if (const int level = heading_level(g->source); level > 0)
            levels.push_back({reading_key(g->source), level});
        else if (g->source.section >= 0)
            sections_with_text.insert(g->source.section);
        if (g->source.role == Role::LanguageHelp && g->source.block >= 0 &&
            static_cast<std::size_t>(g->source.block) < taglines_printed.size())
            taglines_printed[static_cast<std::size_t>(g->source.block)] = true;
    }
}

// No text off the page, and no two runs of text on top of each other (late furniture also
// against the page's own text).
void LeafletChecker::State::fits(const std::vector<PageItem>& items, int page, PageMemo& memo, int phase) {
    Diagnostics& out = fits_found[static_cast<std::size_t>(page)];
    std::vector<std::pair<RunInk, const GlyphRun*>> boxes;
    for (const auto& item : items) {
        const auto* g = std::get_if<GlyphRun>(&item);
        if (!g || g->glyphs.empty()) continue;
        const InkBox b = box_of(*g);
        if (b.left < Pt(-0.01) || b.right > memo.size.width + Pt(0.01) || b.top < Pt(0) ||
            g->origin.y > memo.size.height) {
            out.error("check.overflow", place_of(g->source),
                      "text " + quote_run(*g) + " is drawn outside page " + std::to_string(page + 1));
            continue;
        }
        RunInk ink = ink_of(*g);
        if (!ink.empty()) boxes.emplace_back(std::move(ink), g);
    }
    // Sweep down the page: each run's ink against the runs whose ink starts above its bottom.
    std::stable_sort(boxes.begin(), boxes.end(),
                     [](const auto& a, const auto& b) { return a.first.all.top < b.first.all.top; });
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const RunInk& a = boxes[i].first;
        for (std::size_t k = i + 1; k < boxes.size() && boxes[k].first.all.top < a.all.bottom - Pt(kTolerance); ++k)
            if (overlap(a, boxes[k].first))
                out.error("check.overlap", place_of(boxes[i].second->source),
                          "on page " + std::to_string(page + 1) + ", text " + quote_run(*boxes[i].second) +
                              " and text " + quote_run(*boxes[k].second) + " overlap",
                          "a longer text than the layout was made for: shorten it or use another layout");
    }
    if (phase == 0) {
        for (const auto& [b, g] : boxes) memo.ink.emplace_back(b, quote_run(*g));
        return;
    }
    for (const auto& [b, g] : boxes)
        for (const auto& [a, quote] : memo.ink)
            if (overlap(a, b))
                out.error("check.overlap", place_of(g->source),
                          "on page " + std::to_string(page + 1) + ", text " + quote + " and text " + quote_run(*g) +
                              " overlap",
                          "a longer text than the layout was made for: shorten it or use another layout");
}

// A heading must not end its page or column: some of its section's text follows it there.
void LeafletChecker::State::headings(const std::vector<PageItem>& items, int page) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto* h = std::get_if<GlyphRun>(&items[i]);
        if (!h || (h->source.role != Role::Heading && h->source.role != Role::Subheading)) continue;
        // The heading's line as a whole: its runs on the same baseline (a script's or a symbol's
        // run, such as a closing "?" in a Latin face, is part of it; the text below need not
        // reach under every piece).
        InkBox hb = box_of(*h);
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto& other : items) {
                const auto* o = std::get_if<GlyphRun>(&other);
                if (!o || o->source.section != h->source.section || o->source.role != h->source.role ||
                    o->origin.y != h->origin.y)
                    continue;
                // Next to the line so far (a word space apart), not a heading in another column.
                const InkBox ob = box_of(*o);
                const bool beside = ob.left <= hb.right + h->size && ob.right >= hb.left - h->size;
                if (!beside || (ob.left >= hb.left && ob.right <= hb.right)) continue;
                hb.left = std::min(hb.left, ob.left);
                hb.right = std::max(hb.right, ob.right);
                grew = true;
            }
        }
        bool followed = false;
        for (std::size_t k = i + 1; k < items.size() && !followed; ++k) {
            const auto* g = std::get_if<GlyphRun>(&items[k]);
            if (!g || g->source.section != h->source.section || g->source.role == Role::Heading ||
                g->source.role == Role::Subheading)
                continue;
            const InkBox b = box_of(*g);
            followed = b.top > hb.top && b.left < hb.right && b.right > hb.left;
        }
        if (followed) continue;
        const auto& sections = in.doc.sections;
        const auto si = static_cast<std::size_t>(h->source.section);
        // Every heading of a built leaflet is one of its Document's sections (the sources
        // too); a page model made by hand may name none.
        if (si >= sections.size()) continue;
        if (!sections[si].blocks.empty())
            stranded.emplace_back(std::pair(h->source.section, std::max(h->source.block + 1, 0)),
                                  Diagnostic{Severity::Error, "check.stranded-heading", sections[si].where,
                                             "the heading " + quote_run(*h) + " ends page " + std::to_string(page + 1) +
                                                 " or a column, away from its text"});
    }
}

void LeafletChecker::State::contrast_of(const std::vector<PageItem>& items, int page, const std::vector<Fill>& under,
                                        int phase) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto* g = std::get_if<GlyphRun>(&items[i]);
        if (!g) continue;
        const Point at{g->origin.x + (g->glyphs.empty() ? Pt(0) : g->glyphs.front().x()), g->origin.y - g->size * 0.3};
        const Color bg = background_at(items, i, at, under);
        const double ratio = contrast_ratio(g->color, bg);
        const bool bold = g->face && (g->face->style() == FontStyle::Bold || g->face->style() == FontStyle::BoldItalic);
        const bool large = g->size >= Pt(18) || (bold && g->size >= Pt(14));
        const double needed = large ? kMinContrastLarge : kMinContrast;
        if (ratio < needed) contrast.push_back({page, phase, i, g->color, bg, ratio, needed, large});
    }
}

void LeafletChecker::State::report_contrast() {
    std::stable_sort(contrast.begin(), contrast.end(), [](const ContrastFailure& a, const ContrastFailure& b) {
        return std::tie(a.page, a.phase, a.order) < std::tie(b.page, b.phase, b.order);
    });
    std::set<std::pair<std::string, std::string>> reported;
    for (const ContrastFailure& f : contrast) {
        if (!reported.insert({hex(f.text), hex(f.background)}).second) continue;
        // Point at the brand colour the text is drawn in, when it is one.
        SourcePos where = in.brand.source_file.empty() ? SourcePos{} : SourcePos{in.brand.source_file, 0, 0};
        for (const char* key : {"text", "primary", "accent"}) {
            const Color c = std::string(key) == "text"      ? in.brand.colors.text
                            : std::string(key) == "primary" ? in.brand.colors.primary
                                                            : in.brand.colors.accent;
            if ((c == f.text || c == f.background) && in.brand.positions.count(std::string("colors.") + key)) {
                where = in.brand.position_of(std::string("colors.") + key);
                break;
            }
        }
        findings.error("check.contrast", where,
                       "text in " + hex(f.text) + " on " + hex(f.background) + " has a contrast of " +
                           fixed(f.ratio, 2) + ":1, under the " + fixed(f.needed, 1) + ":1 WCAG asks for " +
                           (f.large ? "large" : "normal") + " text (first on page " + std::to_string(f.page + 1) + ")",
                       "darken the text colour or lighten the background");
    }
}

// Every occurrence of the number is whole on one line and reads as written, left to right.
void LeafletChecker::State::phone_whole(const std::vector<PageItem>& items, int page) {
    if (finder.empty()) return;
    for (const auto& piece : phone_pieces(items)) {
        if (finder.is_whole(piece.text)) continue;
        const ElementRef& src = piece.first->source;
        SourcePos where = in.brand.position_of("phone");
        if (src.section >= 0 && static_cast<std::size_t>(src.section) < in.doc.sections.size()) {
            const Section& sec = in.doc.sections[static_cast<std::size_t>(src.section)];
            where = sec.where;
            if (src.block >= 0 && static_cast<std::size_t>(src.block) < sec.blocks.size() &&
                sec.blocks[static_cast<std::size_t>(src.block)].where.line)
                where = sec.blocks[static_cast<std::size_t>(src.block)].where;
        }
        phone_found.error("check.phone", where,
                          "the phone number on page " + std::to_string(page + 1) + " is broken or out of order: \"" +
                              normalized(utf8::encode(piece.text)) + "\" is drawn on one line, not the whole number " +
                              in.brand.phone + " in order",
                          "the number must stand whole on one line: give it fewer words around it, or use a layout "
                          "with wider columns");
    }
}

// Every tel: link dials the brand's number.
void LeafletChecker::State::tel_links(const std::vector<PageItem>& items, int page) {
    const Link* last = nullptr;  // a link drawn in pieces (a run each) is one link
    for (const auto& item : items) {
        const auto* link = std::get_if<Link>(&item);
        if (!link) continue;
        const bool piece = last && last->uri == link->uri && last->source.section == link->source.section &&
                           last->source.block == link->source.block && last->source.role == link->source.role;
        last = link;
        if (!piece && link->uri.rfind("tel:", 0) == 0 && link->uri != in.brand.tel)
            phone_found.error("check.phone", link_place(*link),
                              "a link on page " + std::to_string(page + 1) + " dials " + link->uri +
                                  ", not the clinic's " + in.brand.tel);
    }
}

// The body size is what layout decided (a trifold may have set it smaller to fit); a layout
// with a smallest size for all text (large print) holds every run to it.
void LeafletChecker::State::body_size(Pt smallest) {
    const double body = start.body.value();
    if (in.layout.min_text > Pt(0) && smallest < in.layout.min_text - Pt(0.001))
        findings.error("check.small-text", in.layout.min_text_pos,
                       "some text is set at " + fixed(smallest.value(), 1) + " pt; the " + in.layout.name +
                           " layout allows nothing under " + fixed(in.layout.min_text.value(), 1) + " pt",
                       "shorten the text that had to shrink to fit");
    if (body > 0 && body < kMinBodyPt - 0.001)
        findings.warning("check.small-text", in.layout.body_pos,
                         "body text is " + fixed(body, 1) + " pt; clear print for patients asks for 12 pt or more",
                         "use a layout with a larger body, such as large-print");
}

// A picture prints sharp at 150 dpi or more.
void LeafletChecker::State::images(const std::vector<PageItem>& items) {
    for (const auto& item : items) {
        const auto* img = std::get_if<Image>(&item);
        if (!img || !img->raster || img->rect.width <= Pt(0)) continue;
        const double dpi = shown_size(*img->raster).width / (img->rect.width.value() / 72.0);
        const bool figure = img->source.role == Role::Figure;
        const auto s = static_cast<std::size_t>(img->source.section);
        const auto b = static_cast<std::size_t>(img->source.block);
        const SourcePos where = !figure ? in.brand.position_of("logo")
                                : s < in.doc.sections.size() && b < in.doc.sections[s].blocks.size()
                                    ? in.doc.sections[s].blocks[b].where
                                    : in.doc.title_pos;
        const std::string what =
            std::string(figure ? "the figure '" : "the logo '") + img->path + "' prints at " + fixed(dpi, 0) + " dpi";
        const std::string hint = "use a picture with more pixels: " + fixed(img->rect.width.value() / 72.0 * 300.0, 0) +
                                 " pixels wide prints at 300 dpi";
        // A print shop's press shows what an office printer hides: 300 dpi for --print, the
        // logo included.
        if (in.medium == Medium::Print && dpi < 299.5)
            images_found.warning("check.print-resolution", where, what + "; a print shop asks for 300 dpi", hint);
        else if (figure && dpi < 150)
            images_found.warning("check.image-resolution", where, what + "; under 150 dpi it looks blurred", hint);
    }
}

// Every figure (logo, QR code) has alternative text for those who cannot see it.
void LeafletChecker::State::alt_text() {
    for (const auto& f : start.figures) {
        if (f.alt.find_first_not_of(" \t") != std::string::npos) continue;
        findings.error(
            "check.alt-text", in.brand.position_of("logo_alt"), "a figure has no alternative text",
            "give the logo a description: logo_alt = \"...\" (the clinic's name is used when it is left out)");
        return;
    }
}

// Heading levels in reading order start at 1 and never skip one (a screen reader's outline).
void LeafletChecker::State::heading_levels() {
    std::stable_sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    int previous = 0;
    for (const auto& [key, level] : levels) {
        if (level > previous + 1) {
            findings.error(
                "check.heading-levels", in.doc.title_pos,
                "the headings skip from level " + std::to_string(previous) + " to level " + std::to_string(level),
                "use headings one level below the one above them");
            return;
        }
        previous = level;
    }
}

// The brand's language-assistance taglines: as many as it asks for, and every one printed.
void LeafletChecker::State::taglines() {
    const Brand& b = in.brand;
    const auto have = static_cast<int>(b.taglines.size());
    if (have < b.taglines_required) {
        findings.warning(
            "check.taglines", b.position_of(have == 0 ? "taglines_required" : "taglines"),
            "the brand asks for " + std::to_string(b.taglines_required) + " language-assistance taglines and has " +
                std::to_string(have),
            "add a tagline in each language the clinic's patients read to [taglines], keyed by language tag");
    }
    for (std::size_t k = 0; k < taglines_printed.size(); ++k)
        if (!taglines_printed[k])
            findings.error("check.taglines", b.taglines[k].where,
                           "the " + b.taglines[k].language.tag + " tagline is not on any page");
}

void check_leaflet(const CheckInput& in, Diagnostics& findings) {
    LeafletChecker checker({in.doc, in.brand, in.layout, in.today, in.medium}, findings);
    checker.start(start_of(in.laid));
    for (const Page& page : in.laid.pages) checker.page(page);
    checker.end(end_of(in.laid));
}

ReviewState review_state(const std::optional<Date>& reviewed, const std::optional<Date>& next_review, Date today) {
    if (!reviewed) return ReviewState::Missing;
    if (today < *reviewed) return ReviewState::Future;
    return today > next_review.value_or(one_year_after(*reviewed)) ? ReviewState::Stale : ReviewState::Current;
}

}  // namespace leafpress
