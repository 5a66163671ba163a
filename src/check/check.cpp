#include "check/check.hpp"

#include <algorithm>
#include <map>
#include <cmath>
#include <cstdio>
#include <set>

#include "check/contrast.hpp"
#include "check/readability.hpp"
#include "core/utf8.hpp"
#include "model/reading_order.hpp"
#include "text/shape.hpp"

namespace leafpress {

namespace {

constexpr double kMinContrast = 4.5;       // WCAG 2.1 AA (1.4.3) for normal text
constexpr double kMinContrastLarge = 3.0;  // and for large text: 18 pt, or 14 pt bold
constexpr double kMaxGrade = 8.0;      // patient materials: grade 8 or lower
constexpr double kMinBodyPt = 12.0;    // clear-print guidance

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

// Text cut at '\n'.
std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == '\n') out.emplace_back();
        else out.back().push_back(c);
    }
    return out;
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

// The phone number is read from the items that say they are it: on every page one line of
// them must spell the number as the clinic wrote it, left to right as a reader sees it (in
// right-to-left text the bidi algorithm could otherwise show "ext. 9 +49 30 1234 5678" from
// runs that are in the right order in the model), and every tel: link must dial the brand's.
void check_phone(const CheckInput& in, Diagnostics& out) {
    const std::string phone = normalized(in.brand.phone);
    for (std::size_t p = 0; p < in.laid.pages.size(); ++p) {
        const auto& items = in.laid.pages[p].items;
        // The number's runs by baseline (a fallback font or the bidi algorithm splits them).
        std::map<double, std::vector<const GlyphRun*>> lines;
        for (const auto& item : items)
            if (const auto* g = std::get_if<GlyphRun>(&item); g && g->source.meaning == Meaning::PhoneNumber)
                lines[g->origin.y.value()].push_back(g);
        bool shown = false;
        for (auto& [y, runs] : lines) {
            std::sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) {
                return a->origin.x + a->left() < b->origin.x + b->left();
            });
            // Left to right; pieces apart from each other (other words between) never join up.
            std::u32string text;
            for (std::size_t k = 0; k < runs.size(); ++k) {
                if (k > 0 && runs[k]->origin.x + runs[k]->left() > runs[k - 1]->origin.x + runs[k - 1]->right() + Pt(0.5))
                    text += U'\n';
                text += runs[k]->text;
            }
            for (const auto& piece : split_lines(utf8::encode(text)))
                shown = shown || normalized(piece) == phone;
        }
        if (!shown)
            out.error("check.phone", in.brand.position_of("phone"),
                      "page " + std::to_string(p + 1) + " does not show the phone number " + in.brand.phone);
        for (const auto& item : items) {
            const auto* link = std::get_if<Link>(&item);
            if (link && link->uri.rfind("tel:", 0) == 0 && link->uri != in.brand.tel)
                out.error("check.phone", in.brand.position_of("phone"),
                          "a link on page " + std::to_string(p + 1) + " dials " + link->uri + ", not the clinic's " +
                              in.brand.tel);
        }
    }
}

// A run's box: its advances across, and from cap height above the baseline to the baseline.
// Lines set closer than their fonts' full height still never share that core.
struct InkBox {
    Pt left, right, top, bottom;
};

InkBox box_of(const GlyphRun& g) {
    const Pt cap = g.face ? text::cap_height(*g.face, g.size) : g.size * 0.7;
    return {g.origin.x + g.left(), g.origin.x + g.right(), g.origin.y - cap, g.origin.y};
}

std::string quote_run(const GlyphRun& g) {
    std::string s = utf8::encode(g.text);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return "\"" + s + "\"";
}

// No text off the page, and no two runs of text on top of each other.
void check_fits(const CheckInput& in, Diagnostics& out) {
    constexpr double kTolerance = 0.5;  // points: kerning may tuck one run into the next a little
    for (std::size_t p = 0; p < in.laid.pages.size(); ++p) {
        const Page& page = in.laid.pages[p];
        std::vector<std::pair<InkBox, const GlyphRun*>> boxes;
        for (const auto& item : page.items) {
            const auto* g = std::get_if<GlyphRun>(&item);
            if (!g || g->glyphs.empty()) continue;
            const InkBox b = box_of(*g);
            if (b.left < Pt(-0.01) || b.right > page.size.width + Pt(0.01) || b.top < Pt(0) ||
                g->origin.y > page.size.height) {
                out.error("check.overflow", in.doc.title_pos,
                          "text " + quote_run(*g) + " is drawn outside page " + std::to_string(p + 1));
                continue;
            }
            boxes.emplace_back(b, g);
        }
        // Sweep down the page: each box against those that start above its bottom.
        std::sort(boxes.begin(), boxes.end(), [](const auto& a, const auto& b) { return a.first.top < b.first.top; });
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const InkBox& a = boxes[i].first;
            for (std::size_t k = i + 1; k < boxes.size() && boxes[k].first.top < a.bottom - Pt(kTolerance); ++k) {
                const InkBox& b = boxes[k].first;
                const Pt across = std::min(a.right, b.right) - std::max(a.left, b.left);
                const Pt down = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
                if (across > Pt(kTolerance) && down > Pt(kTolerance)) {
                    out.error("check.overlap", in.doc.title_pos,
                              "on page " + std::to_string(p + 1) + ", text " + quote_run(*boxes[i].second) +
                                  " and text " + quote_run(*boxes[k].second) + " overlap",
                              "a longer text than the layout was made for: shorten it or use another layout");
                }
            }
        }
    }
}

// A heading must not end its page or column: some of its section's text follows it there.
void check_headings(const CheckInput& in, Diagnostics& out) {
    for (std::size_t p = 0; p < in.laid.pages.size(); ++p) {
        const auto& items = in.laid.pages[p].items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto* h = std::get_if<GlyphRun>(&items[i]);
            if (!h || (h->source.role != Role::Heading && h->source.role != Role::Subheading)) continue;
            const InkBox hb = box_of(*h);
            bool followed = false;
            for (std::size_t k = i + 1; k < items.size() && !followed; ++k) {
                const auto* g = std::get_if<GlyphRun>(&items[k]);
                if (!g || g->source.section != h->source.section || g->source.role == Role::Heading ||
                    g->source.role == Role::Subheading)
                    continue;
                const InkBox b = box_of(*g);
                followed = b.top > hb.top && b.left < hb.right && b.right > hb.left;
            }
            if (!followed) {
                const auto& sections = in.doc.sections;
                const auto si = static_cast<std::size_t>(h->source.section);
                // A section past the content's own is one layout added (the sources): it has text.
                const bool has_text = si >= sections.size() || !sections[si].blocks.empty();
                if (has_text)
                    out.error("check.stranded-heading", si < sections.size() ? sections[si].where : in.doc.title_pos,
                              "the heading " + quote_run(*h) + " ends page " + std::to_string(p + 1) +
                                  " or a column, away from its text");
            }
        }
    }
}

// The body size is what layout decided (a trifold may have set it smaller to fit); a layout
// with a smallest size for all text (large print) holds every run to it.
void check_body_size(const CheckInput& in, Diagnostics& out) {
    const double smallest = in.laid.decisions.body.value();
    if (in.layout.min_text > Pt(0) && in.laid.decisions.smallest < in.layout.min_text - Pt(0.001))
        out.error("check.small-text", in.layout.min_text_pos,
                  "some text is set at " + fixed(in.laid.decisions.smallest.value(), 1) + " pt; the " + in.layout.name +
                      " layout allows nothing under " + fixed(in.layout.min_text.value(), 1) + " pt",
                  "shorten the text that had to shrink to fit");
    if (smallest > 0 && smallest < kMinBodyPt - 0.001)
        out.warning("check.small-text", in.layout.body_pos,
                    "body text is " + fixed(smallest, 1) + " pt; clear print for patients asks for 12 pt or more",
                    "use a layout with a larger body, such as large-print");
}

// The colour behind a run: the last filled box drawn before it that holds its baseline start.
Color background_of(const Page& page, std::size_t index) {
    const auto& run = std::get<GlyphRun>(page.items[index]);
    const Point at{run.origin.x + (run.glyphs.empty() ? Pt(0) : run.glyphs.front().x()), run.origin.y - run.size * 0.3};
    for (std::size_t k = index; k-- > 0;) {
        const auto* box = std::get_if<Box>(&page.items[k]);
        if (!box || !box->fill) continue;
        const Rect& r = box->rect;
        if (at.x >= r.x && at.x <= r.right() && at.y >= r.y && at.y <= r.bottom()) return *box->fill;
    }
    return Color{1, 1, 1};
}

void check_contrast(const CheckInput& in, Diagnostics& out) {
    std::set<std::pair<std::string, std::string>> reported;
    for (std::size_t p = 0; p < in.laid.pages.size(); ++p) {
        const Page& page = in.laid.pages[p];
        for (std::size_t i = 0; i < page.items.size(); ++i) {
            const auto* g = std::get_if<GlyphRun>(&page.items[i]);
            if (!g) continue;
            const Color bg = background_of(page, i);
            const double ratio = contrast_ratio(g->color, bg);
            const bool bold = g->face && (g->face->style() == FontStyle::Bold || g->face->style() == FontStyle::BoldItalic);
            const bool large = g->size >= Pt(18) || (bold && g->size >= Pt(14));
            const double needed = large ? kMinContrastLarge : kMinContrast;
            if (ratio >= needed || !reported.insert({hex(g->color), hex(bg)}).second) continue;
            // Point at the brand colour the text is drawn in, when it is one.
            SourcePos where = in.brand.source_file.empty() ? SourcePos{} : SourcePos{in.brand.source_file, 0, 0};
            for (const char* key : {"text", "primary", "accent"}) {
                const Color c = std::string(key) == "text"      ? in.brand.colors.text
                                : std::string(key) == "primary" ? in.brand.colors.primary
                                                                : in.brand.colors.accent;
                if ((c == g->color || c == bg) && in.brand.positions.count(std::string("colors.") + key)) {
                    where = in.brand.position_of(std::string("colors.") + key);
                    break;
                }
            }
            out.error("check.contrast", where,
                      "text in " + hex(g->color) + " on " + hex(bg) + " has a contrast of " + fixed(ratio, 2) +
                          ":1, under the " + fixed(needed, 1) + ":1 WCAG asks for " + (large ? "large" : "normal") +
                          " text (first on page " + std::to_string(p + 1) + ")",
                      "darken the text colour or lighten the background");
        }
    }
}

void check_reading_grade(const CheckInput& in, Diagnostics& out) {
    if (in.doc.language.primary != "en") return;  // Flesch–Kincaid is for English
    TextStats all;
    for (const auto& s : in.doc.sections) {
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


}  // namespace

ReviewState review_state(const std::optional<Date>& reviewed, const std::optional<Date>& next_review, Date today) {
    if (!reviewed) return ReviewState::Missing;
    if (today < *reviewed) return ReviewState::Future;
    return today > next_review.value_or(one_year_after(*reviewed)) ? ReviewState::Stale : ReviewState::Current;
}

namespace {

void check_review(const CheckInput& in, Diagnostics& out) {
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
        out.warning("check.review-date", in.doc.reviewed_pos, "the reviewed date " + to_iso(*in.doc.reviewed) + " is in the future");
}

void check_disclaimer(const CheckInput& in, Diagnostics& out) {
    if (in.brand.text_for(in.doc.language).disclaimer.empty())
        out.warning("check.disclaimer", {in.brand.source_file, 1, 1}, "the brand has no disclaimer",
                    "add disclaimer = \"...\" to the brand file; it is printed on every leaflet");
}

// A picture prints sharp at 150 dpi or more.
void check_image_resolution(const CheckInput& in, Diagnostics& out) {
    for (const auto& page : in.laid.pages)
        for (const auto& item : page.items) {
            const auto* img = std::get_if<Image>(&item);
            if (!img || !img->raster || img->rect.width <= Pt(0)) continue;
            const double dpi = img->raster->width / (img->rect.width.value() / 72.0);
            const bool figure = img->source.role == Role::Figure;
            const auto s = static_cast<std::size_t>(img->source.section);
            const auto b = static_cast<std::size_t>(img->source.block);
            const SourcePos where = !figure ? in.brand.position_of("logo")
                                    : s < in.doc.sections.size() && b < in.doc.sections[s].blocks.size()
                                        ? in.doc.sections[s].blocks[b].where
                                        : in.doc.title_pos;
            const std::string what = std::string(figure ? "the figure '" : "the logo '") + img->path + "' prints at " + fixed(dpi, 0) + " dpi";
            const std::string hint = "use a picture with more pixels: " + fixed(img->rect.width.value() / 72.0 * 300.0, 0) +
                                     " pixels wide prints at 300 dpi";
            // A print shop's press shows what an office printer hides: 300 dpi for --print, the
            // logo included.
            if (in.medium == Medium::Print && dpi < 299.5)
                out.warning("check.print-resolution", where, what + "; a print shop asks for 300 dpi", hint);
            else if (figure && dpi < 150)
                out.warning("check.image-resolution", where, what + "; under 150 dpi it looks blurred", hint);
        }
}

// Every figure (logo, QR code) has alternative text for those who cannot see it.
void check_alt_text(const CheckInput& in, Diagnostics& out) {
    for (const auto& f : in.laid.figures) {
        if (f.alt.find_first_not_of(" \t") != std::string::npos) continue;
        out.error("check.alt-text", in.brand.position_of("logo_alt"), "a figure has no alternative text",
                  "give the logo a description: logo_alt = \"...\" (the clinic's name is used when it is left out)");
        return;
    }
}

// Heading levels in reading order start at 1 and never skip one (a screen reader's outline).
void check_heading_levels(const CheckInput& in, Diagnostics& out) {
    std::vector<std::pair<ReadingKey, int>> levels;
    for (const auto& page : in.laid.pages)
        for (const auto& item : page.items)
            if (const auto* g = std::get_if<GlyphRun>(&item))
                if (const int level = heading_level(g->source); level > 0) levels.push_back({reading_key(g->source), level});
    std::stable_sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    int previous = 0;
    for (const auto& [key, level] : levels) {
        if (level > previous + 1) {
            out.error("check.heading-levels", in.doc.title_pos,
                      "the headings skip from level " + std::to_string(previous) + " to level " + std::to_string(level),
                      "use headings one level below the one above them");
            return;
        }
        previous = level;
    }
}

}  // namespace

std::string page_text(const Page& page) {
    std::u32string text;
    for (const auto& item : page.items) {
        if (const auto* g = std::get_if<GlyphRun>(&item)) {
            text += g->text;
            text += U' ';
        }
    }
    return utf8::encode(text);
}

// The brand's language-assistance taglines: as many as it asks for, and every one printed.
void check_taglines(const CheckInput& in, Diagnostics& out) {
    const Brand& b = in.brand;
    const auto have = static_cast<int>(b.taglines.size());
    if (have < b.taglines_required) {
        out.warning("check.taglines", b.position_of(have == 0 ? "taglines_required" : "taglines"),
                    "the brand asks for " + std::to_string(b.taglines_required) + " language-assistance taglines and has " +
                        std::to_string(have),
                    "add a tagline in each language the clinic's patients read to [taglines], keyed by language tag");
    }
    std::vector<bool> printed(b.taglines.size(), false);
    for (const auto& page : in.laid.pages)
        for (const auto& item : page.items)
            if (const auto* g = std::get_if<GlyphRun>(&item);
                g && g->source.role == Role::LanguageHelp && g->source.block >= 0 &&
                static_cast<std::size_t>(g->source.block) < printed.size())
                printed[static_cast<std::size_t>(g->source.block)] = true;
    for (std::size_t k = 0; k < printed.size(); ++k)
        if (!printed[k])
            out.error("check.taglines", b.taglines[k].where,
                      "the " + b.taglines[k].language.tag + " tagline is not on any page");
}

void check_leaflet(const CheckInput& in, Diagnostics& findings) {
    check_phone(in, findings);
    check_fits(in, findings);
    check_headings(in, findings);
    check_body_size(in, findings);
    check_contrast(in, findings);
    check_alt_text(in, findings);
    check_image_resolution(in, findings);
    check_heading_levels(in, findings);
    check_reading_grade(in, findings);
    check_review(in, findings);
    check_disclaimer(in, findings);
    check_taglines(in, findings);
}

}  // namespace leafpress
