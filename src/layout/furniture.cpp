#include "layout/furniture.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "layout/labels.hpp"
#include "layout/phone_runs.hpp"
#include "layout/qr.hpp"

namespace leafpress {

namespace {

const Color kWhite{1, 1, 1};

text::ParagraphStyle para_style(const Furnisher& f, Pt size) {
    text::ParagraphStyle s;
    s.size = size;
    s.align = Align::RaggedRight;
    s.hyphenation = Hyphenation::Off;
    s.language = f.doc.language;
    return s;
}

// Stacks line boxes into absolute items from (x, y); returns the y below them.
Pt stack(std::vector<PageItem>& out, std::vector<LineBox> lines, Pt x, Pt y) {
    for (auto& l : lines) {
        for (auto& item : l.items) {
            translate(item, x, y);
            out.push_back(std::move(item));
        }
        y += l.height;
    }
    return y;
}

// A size of type, never under the layout's smallest (large print: 16 pt everywhere).
Pt at_least_min(const Layout& L, Pt size) { return std::max(size, L.min_text); }

// "Call " and the number: the number its own run, one unbreakable unit with its tel: link.
// The tag of text written in `written`, when that is not the leaflet's language (a screen
// reader speaks it in another voice); empty when it is.
std::string other_language(const Language& written, const Language& leaflet) {
    const bool same = written.primary == leaflet.primary &&
                      (written.script.empty() || leaflet.script.empty() || written.script == leaflet.script);
    return same ? std::string() : written.tag;
}

text::StyledRun run_in(std::string text, FontStyle style, Color color, std::string language) {
    text::StyledRun r{std::move(text), style, color, {}};
    r.language = std::move(language);
    return r;
}

std::vector<text::StyledRun> call_runs(const Furnisher& f, Color color) {
    return {run_in(f.doc.words.labels.call + " ", FontStyle::Bold, color,
                   other_language(f.doc.words.language, f.doc.language)),
            {f.brand.phone, FontStyle::Bold, color, f.brand.tel, text::RunRole::PhoneNumber}};
}

Pt line_width(const Furnisher& f, const std::vector<text::StyledRun>& runs, Pt size) {
    return text::set_line(runs, para_style(f, size), f.ctx, f.diags).width;
}

// The largest size, from `preferred` down to `floor`, at which the call line fits `width`: on
// one line if it can, else with the number alone on its line. nullopt when even the number
// alone is too wide at `floor`.
std::optional<Pt> call_size(const Furnisher& f, Pt preferred, Pt floor, Pt width) {
    const auto runs = call_runs(f, Color{});
    const Pt whole = line_width(f, runs, preferred);
    if (whole <= width) return preferred;
    if (const Pt scaled = preferred * (width / whole) * 0.999; scaled >= floor) return scaled;
    const Pt alone = line_width(f, {runs[1]}, preferred);
    const Pt scaled = preferred * std::min(1.0, width / alone) * 0.999;
    if (scaled >= floor) return scaled;
    return std::nullopt;
}

// How the title is set: its words whole at the layout's title size; else hyphenated, where the
// language has patterns; else smaller, down to the subtitle's size (a title broken inside a
// word, with no hyphen, reads as two words). A word too wide even then is an error at the title.
text::ParagraphStyle title_style(const Furnisher& f, const std::vector<text::StyledRun>& runs, Pt width) {
    const auto& t = f.layout.type;
    const Pt floor = at_least_min(f.layout, std::min(t.title, std::max(t.subtitle, t.body * 1.2)));
    const bool patterns = f.doc.language.hyphenated && f.ctx.hyphenator && f.ctx.hyphenator->available();
    for (Pt size = t.title;; size = std::max(floor, size - Pt(0.5))) {
        for (Hyphenation h : {Hyphenation::Off, Hyphenation::On}) {
            if (h == Hyphenation::On && !patterns) continue;
            text::ParagraphStyle style = para_style(f, size);
            style.hyphenation = h;
            Diagnostics measuring;
            if (!text::set_paragraph(runs, style, width, f.ctx, measuring).split_words) return style;
        }
        if (size <= floor) break;
    }
    char msg[160];
    std::snprintf(msg, sizeof msg, "a word of the title is too wide for the cover of the %s layout, even at %.1f pt",
                  f.layout.name.c_str(), floor.value());
    f.diags.error("layout.title", f.doc.title_pos, msg,
                  "shorten the title's longest word, or put a space or hyphen where it may break");
    return para_style(f, t.title);
}

// Where the call to action's invitation for `language` is written: under [text.<tag>] or at the top.
SourcePos invitation_at(const Brand& b, const Language& language) {
    const std::string said = b.text_for(language).call_to_action;
    for (const auto& [tag, t] : b.texts)
        if (t.call_to_action == said && b.positions.contains("text." + tag + ".call_to_action"))
            return b.position_of("text." + tag + ".call_to_action");
    return b.position_of("call_to_action");
}

void phone_too_long(const Furnisher& f, std::string_view where) {
    f.diags.error("layout.overflow", f.brand.position_of("phone"),
                  "the phone number is too long for the " + std::string(where) + " of the " + f.layout.name +
                      " layout, even in its smallest type",
                  "write the number without words around it, or use a wider layout");
}

}  // namespace

Cover cover(const Furnisher& f, Rect panel) {
    Cover c;
    const Layout& L = f.layout;
    const Pt x = panel.x + L.margins.left;
    const Pt width = panel.width - L.margins.left - L.margins.right;
    const auto& t = L.type;
    Pt y = panel.y + L.margins.top;

    // A logo sits at the top right of the band, and the text beside it keeps clear.
    Pt logo_w{0}, logo_h{0};
    if (f.brand.logo_image) {
        logo_h = t.title * 1.6;
        const ShownSize shown = shown_size(*f.brand.logo_image);  // upright, its pixels square
        logo_w = logo_h * (shown.width / shown.height);
        const Pt max_w = width * 0.3;
        if (logo_w > max_w) {
            logo_h = logo_h * (max_w / logo_w);
            logo_w = max_w;
        }
    }
    const Pt text_width = logo_w > Pt(0) ? width - logo_w - t.body : width;

    std::vector<PageItem> text_items;
    if (!f.doc.condition.empty()) {
        const Pt size = at_least_min(L, t.small * 1.25);
        auto lines = typeset(
            mark_phone({{f.doc.condition, FontStyle::Bold, kWhite, {}, text::RunRole::Text, f.doc.condition_anchors}},
                       f.brand),
            para_style(f, size), text_width, Pt(0), size * 1.4, f.ctx, {Role::Condition}, f.diags);
        y = stack(text_items, std::move(lines), x, y);
        y += t.small * 0.5;
    }
    const std::vector<text::StyledRun> title_runs =
        mark_phone({{f.doc.title, FontStyle::Bold, kWhite, {}, text::RunRole::Text, f.doc.title_anchors}}, f.brand);
    const text::ParagraphStyle title = title_style(f, title_runs, text_width);
    y = stack(text_items,
              typeset(title_runs, title, text_width, Pt(0), title.size * 1.15, f.ctx, {Role::Title}, f.diags), x, y);
    if (!f.doc.subtitle.empty()) {
        y += t.subtitle * 0.3;
        auto sub = typeset(
            mark_phone({{f.doc.subtitle, FontStyle::Regular, kWhite, {}, text::RunRole::Text, f.doc.subtitle_anchors}},
                       f.brand),
            para_style(f, t.subtitle), text_width, Pt(0), t.subtitle * 1.3, f.ctx, {Role::Subtitle}, f.diags);
        y = stack(text_items, std::move(sub), x, y);
    }
    if (logo_w > Pt(0)) y = std::max(y, panel.y + L.margins.top + logo_h);
    const Pt band_bottom = y + t.body * 1.2;
    // The band bleeds to the panel's top and side edges.
    c.items.emplace_back(Box{{panel.x, panel.y, panel.width, band_bottom - panel.y},
                             f.brand.colors.primary,
                             std::nullopt,
                             Pt(0),
                             {Role::Decoration}});
    if (logo_w > Pt(0)) {
        ElementRef logo{Role::Decoration};
        logo.figure = static_cast<int>(f.figures.size());
        f.figures.push_back({f.brand.logo_alt});
        c.items.emplace_back(Image{
            {x + width - logo_w, panel.y + L.margins.top, logo_w, logo_h}, f.brand.logo_image, f.brand.logo, logo});
    }
    for (auto& i : text_items) c.items.push_back(std::move(i));
    y = band_bottom + t.body * 1.2;

    if (!f.doc.summary.empty()) {
        const Pt size = t.body * 1.2;
        auto sum = typeset(mark_phone({{f.doc.summary,
                                        FontStyle::Regular,
                                        f.brand.colors.text,
                                        {},
                                        text::RunRole::Text,
                                        f.doc.summary_anchors}},
                                      f.brand),
                           para_style(f, size), width, Pt(0), size * L.type.leading, f.ctx, {Role::Summary}, f.diags);
        y = stack(c.items, std::move(sum), x, y);
        y += t.body;
        c.items.emplace_back(
            Rule{{x, y}, {x + width, y}, Pt(0.75), tint(f.brand.colors.primary, 0.5), {Role::Decoration}});
        y += t.body * 1.2;
    }
    c.bottom = y;
    return c;
}

std::vector<PageItem> signature(const Furnisher& f, Rect area) {
    const auto& t = f.layout.type;
    const Brand& b = f.brand;
    std::vector<std::vector<LineBox>> parts;
    parts.push_back(typeset({{b.name, FontStyle::Bold, b.colors.primary, {}}}, para_style(f, t.heading), area.width,
                            Pt(0), t.heading * 1.3, f.ctx, {Role::Signature, -1, 0}, f.diags));
    const Pt tagline = at_least_min(f.layout, t.body * 0.9);
    if (!b.tagline.empty())
        parts.push_back(typeset(mark_phone({{b.tagline, FontStyle::Regular, b.colors.text, {}}}, b),
                                para_style(f, tagline), area.width, Pt(0), tagline * 1.35, f.ctx,
                                {Role::Signature, -1, 1}, f.diags));
    const Pt smallest = at_least_min(f.layout, t.small);
    const std::optional<Pt> size = call_size(f, std::max(t.body, smallest), smallest, area.width);
    if (!size) phone_too_long(f, "cover");
    const Pt call = size.value_or(smallest);
    parts.push_back(typeset(call_runs(f, b.colors.text), para_style(f, call), area.width, Pt(0), call * 1.6, f.ctx,
                            {Role::Signature, -1, 2}, f.diags));
    Pt height{0};
    for (const auto& part : parts)
        for (const auto& l : part) height += l.height;
    std::vector<PageItem> out;
    Pt y = area.bottom() - height;
    out.emplace_back(Rule{{area.x, y - t.body * 0.6},
                          {area.x + area.width * 0.25, y - t.body * 0.6},
                          Pt(2),
                          b.colors.accent,
                          {Role::Decoration}});
    for (auto& part : parts) y = stack(out, std::move(part), area.x, y);
    return out;
}

std::vector<PageItem> footer(const Furnisher& f, Rect panel, PageLabel label, int number, int total) {
    std::vector<PageItem> out;
    const Layout& L = f.layout;
    const Pt base = at_least_min(L, L.type.small);
    const Pt floor = at_least_min(L, std::max(Pt(6), base * 0.8));
    const Pt x = panel.x + L.margins.left;
    const Pt width = panel.width - L.margins.left - L.margins.right;
    // The footer's foot stays where a one-line footer in the layout's small size ends; a
    // two-line footer grows upwards into the margin, never into the text.
    const Pt foot = panel.bottom() - L.margins.bottom + base * 3.6;
    const Color text = f.brand.colors.text;
    const std::string page = label == PageLabel::Number ? f.doc.words.labels.page_of(number, total) : "";

    // Clinic, phone and page number on one line; else the clinic's name above the rest; else,
    // for a name too long for the panel, the phone and page number alone (with a warning);
    // each from the layout's small size down to `floor`.
    struct Setting {
        std::vector<text::Line> left;  // one or two lines
        text::Line right;              // the page number, on the last line
        Pt size;
    };
    std::optional<Setting> chosen;
    enum class Form { OneLine, NameAbove, PhoneOnly };
    for (Form form : {Form::OneLine, Form::NameAbove, Form::PhoneOnly}) {
        if (chosen) break;
        for (Pt size = base; size >= floor - Pt(0.001) && !chosen; size -= Pt(0.25)) {
            auto style = para_style(f, size);
            // A right-to-left leaflet's footer reads from the right, whatever script the
            // clinic's name is in: the name, then "call us on" and the number after it.
            if (f.doc.language.rtl()) style.direction = text::BaseDirection::RightToLeft;
            Setting st{{}, {}, size};
            auto call = call_runs(f, text);
            if (form == Form::OneLine)
                call.insert(call.begin(), {f.brand.name + "  \u00B7  ", FontStyle::Regular, text, {}});
            if (form == Form::NameAbove)
                st.left.push_back(
                    text::set_line({{f.brand.name, FontStyle::Regular, text, {}}}, style, f.ctx, f.diags));
            st.left.push_back(text::set_line(call, style, f.ctx, f.diags));
            if (!page.empty()) st.right = text::set_line({{page, FontStyle::Regular, text, {}}}, style, f.ctx, f.diags);
            const Pt gap = st.right.runs.empty() ? Pt(0) : size * 2.0;
            bool fits = st.left.back().width + gap + st.right.width <= width;
            for (const auto& l : st.left) fits = fits && l.width <= width;
            if (fits) chosen = std::move(st);
        }
        if (chosen && form == Form::PhoneOnly)
            f.diags.warning("layout.footer", f.brand.position_of("name"),
                            "the clinic's name is too long for the footer of the " + L.name +
                                " layout; the footer shows the phone number without it",
                            "a shorter name in the brand file fits the footer");
    }
    if (!chosen) {
        f.diags.error("layout.overflow", f.brand.position_of("phone"),
                      "the phone number does not fit the footer of the " + L.name + " layout, even at " +
                          std::to_string(static_cast<int>(floor.value())) + " pt",
                      "write the number without words around it, or use a wider layout");
        return out;
    }
    const Pt size = chosen->size;
    const Pt line_height = size * 1.4;
    const auto rows = static_cast<double>(chosen->left.size());
    const Pt top = foot - size * 0.6 - line_height * rows;
    out.emplace_back(Rule{{x, top}, {x + width, top}, Pt(0.75), f.brand.colors.primary, {Role::Footer}});
    const text::Face& face = f.ctx.fonts.primary(FontStyle::Regular);
    const auto place = [&](const text::Line& line, Pt at, Pt y) {
        const Pt baseline = y + baseline_in(face, size, line_height);
        // Page furniture: an artifact to readers, so without a link of its own (the call to
        // action and the cover carry the tel: link).
        for (const auto& run : line.runs) out.emplace_back(glyph_run(run, {at, baseline}, {Role::Footer}));
    };
    // Clinic and phone where lines start, the page number at the other end of the last line.
    const bool rtl = f.doc.language.rtl();
    Pt y = top + size * 0.6;
    for (const auto& line : chosen->left) {
        place(line, rtl ? x + width - line.width : x, y);
        y += line_height;
    }
    if (!chosen->right.runs.empty()) place(chosen->right, rtl ? x : x + width - chosen->right.width, y - line_height);
    return out;
}

// An element of the call to action, by its part.
ElementRef part(CallToActionPart p) { return {Role::CallToAction, -1, static_cast<int>(p)}; }

Unit call_to_action(const Furnisher& f, Pt width) {
    const Layout& L = f.layout;
    const auto& t = L.type;
    const Brand& b = f.brand;
    const Pt pad = t.body * 1.1;
    // The QR code stands beside the text when the box is wide enough, else below it.
    const Pt qr = std::min(Pt(86), width - pad * 2.0);
    const bool beside = width - qr - pad * 3.0 >= Pt(220);
    const Pt inner = width - pad * 2.0 - (beside ? qr + pad : Pt(0));
    std::vector<PageItem> items;
    Pt y = pad;

    const Labels& words = f.doc.words.labels;
    const std::string words_language = other_language(f.doc.words.language, f.doc.language);
    auto head = typeset({run_in(words.questions, FontStyle::Bold, kWhite, words_language)}, para_style(f, t.heading),
                        inner, Pt(0), t.heading * 1.3, f.ctx, part(CallToActionPart::Heading), f.diags);
    y = stack(items, std::move(head), pad, y);
    y += t.body * 0.3;
    // The number as large as the box allows, up to 1.6 times a heading; never broken.
    const std::optional<Pt> fitted =
        call_size(f, t.heading * 1.6, at_least_min(L, std::min(t.body, t.small * 1.2)), inner);
    if (!fitted) phone_too_long(f, "call to action");
    const Pt phone_size = fitted.value_or(t.body);
    auto phone = typeset(call_runs(f, kWhite), para_style(f, phone_size), inner, Pt(0), phone_size * 1.25, f.ctx,
                         part(CallToActionPart::Phone), f.diags);
    y = stack(items, std::move(phone), pad, y);
    const BrandText words_of_brand = b.text_for(f.doc.language);
    Pt invitation_height{0};
    if (!words_of_brand.call_to_action.empty()) {
        y += t.body * 0.4;
        auto cta = typeset(mark_phone({run_in(words_of_brand.call_to_action, FontStyle::Regular, kWhite,
                                              other_language(words_of_brand.call_to_action_language, f.doc.language))},
                                      b),
                           para_style(f, t.body), inner, Pt(0), t.body * L.type.leading, f.ctx,
                           part(CallToActionPart::Invitation), f.diags);
        const Pt before = y;
        y = stack(items, std::move(cta), pad, y);
        invitation_height = y - before;
    }
    // The website printed here is also its link (a Link in the tags, as in a body).
    std::vector<text::StyledRun> contact{{b.name, FontStyle::Regular, kWhite, {}}};
    if (!b.website.empty()) {
        contact.back().text += "  \u00B7  ";
        contact.push_back({b.website, FontStyle::Regular, kWhite, b.website_uri});
        contact.push_back({"", FontStyle::Regular, kWhite, {}});
    }
    if (!b.address.empty()) contact.back().text += "  \u00B7  " + b.address;
    if (!b.hours.empty()) contact.back().text += "  \u00B7  " + b.hours;
    if (contact.back().text.empty()) contact.pop_back();
    y += t.body * 0.4;
    const Pt contact_size = at_least_min(L, t.body * 0.9);
    auto who = typeset(mark_phone(std::move(contact), b), para_style(f, contact_size), inner, Pt(0),
                       contact_size * L.type.leading, f.ctx, part(CallToActionPart::Contact), f.diags);
    y = stack(items, std::move(who), pad, y);
    const std::string target = b.website_uri.empty() ? b.tel : b.website_uri;
    ElementRef code_ref = part(CallToActionPart::Code);
    code_ref.meaning = Meaning::QrCode;
    code_ref.figure = static_cast<int>(f.figures.size());
    f.figures.push_back({words.qr_code + " " + (b.website_uri.empty() ? words.call + " " + b.phone : b.website)});
    if (beside) {
        auto code = qr_code(target, width - pad - qr, pad, qr, Color{0, 0, 0}, code_ref);
        items.insert(items.end(), code.begin(), code.end());
        y = std::max(y, pad + qr);
    } else {
        y += t.body * 0.6;
        auto code = qr_code(target, pad, y, qr, Color{0, 0, 0}, code_ref);
        items.insert(items.end(), code.begin(), code.end());
        y += qr;
    }
    y += pad;
    items.insert(items.begin(),
                 Box{{Pt(0), Pt(0), width, y}, b.colors.primary, std::nullopt, Pt(0), {Role::CallToAction}});

    // The disclaimer and review date sit under the box, with it on the last page.
    y += t.small;
    std::string small;
    // The leaflet's code, version and dates, then the disclaimer.
    std::vector<std::string> facts;
    if (!f.doc.code.empty()) facts.push_back(f.doc.code);
    if (!f.doc.version.empty()) facts.push_back(words.version + " " + f.doc.version);
    if (f.doc.reviewed) facts.push_back(words.reviewed + " " + format_date(*f.doc.reviewed, f.doc.words));
    if (const auto next = next_review_of(f.doc))
        facts.push_back(words.next_review + " " + format_date(*next, f.doc.words));
    for (std::size_t k = 0; k < facts.size(); ++k) small += (k ? " \u00B7 " : "") + facts[k];
    if (!small.empty()) small += ". ";
    // The facts in the labels' language, the disclaimer in its own: one run when they agree.
    const std::string disclaimer_language = other_language(words_of_brand.disclaimer_language, f.doc.language);
    std::vector<text::StyledRun> small_runs;
    if (!small.empty() && !words_of_brand.disclaimer.empty() && disclaimer_language != words_language) {
        small_runs.push_back(run_in(small, FontStyle::Italic, b.colors.text, words_language));
        small_runs.push_back(run_in(words_of_brand.disclaimer, FontStyle::Italic, b.colors.text, disclaimer_language));
    } else {
        small_runs.push_back(run_in(small + words_of_brand.disclaimer, FontStyle::Italic, b.colors.text,
                                    small.empty() ? disclaimer_language : words_language));
    }
    small += words_of_brand.disclaimer;
    if (!small.empty()) {
        const Pt small_size = at_least_min(L, t.small);
        auto d = typeset(mark_phone(std::move(small_runs), b), para_style(f, small_size), width, Pt(0),
                         small_size * 1.4, f.ctx, {Role::Disclaimer}, f.diags);
        y = stack(items, std::move(d), Pt(0), y);
    }
    Unit u;
    u.furniture = "the call to action";
    // Too tall for a page, the box is the brand's to shorten: its invitation when that is most of it.
    u.furniture_at =
        invitation_height > y / 2.0 ? invitation_at(f.brand, f.doc.language) : f.brand.position_of("phone");
    u.lines.push_back({y, std::move(items)});
    u.split = Split::Never;
    u.space_before = t.body * 1.5;
    return u;
}

std::vector<Unit> language_help(const Furnisher& f, Pt width) {
    std::vector<Unit> out;
    const Brand& b = f.brand;
    if (b.taglines.empty()) return out;
    const Layout& L = f.layout;
    const auto& t = L.type;
    const Pt size = at_least_min(L, t.small * 1.15);
    const Pt line_height = size * 1.3;

    Unit head;
    head.furniture = "the language-assistance taglines";
    head.furniture_at = b.position_of("taglines");
    head.space_before = t.body * 1.5;
    head.keep_with_next = true;
    head.split = Split::Never;
    const Pt rule = Pt(0.75);
    LineBox top{rule + size * 0.5, {}};
    top.items.emplace_back(Box{{Pt(0), Pt(0), width, rule}, b.colors.primary, std::nullopt, Pt(0), {Role::Decoration}});
    head.lines.push_back(std::move(top));
    text::ParagraphStyle hs = para_style(f, at_least_min(L, t.body));
    text::TextContext hctx{f.ctx.fonts, nullptr, b.position_of("taglines")};
    auto heading = typeset({{f.doc.words.labels.language_help, FontStyle::Bold, b.colors.primary, {}}}, hs, width,
                           Pt(0), hs.size * 1.3, hctx, {Role::LanguageHelp, -1, -1}, f.diags);
    for (auto& l : heading) head.lines.push_back(std::move(l));
    out.push_back(std::move(head));

    for (std::size_t k = 0; k < b.taglines.size(); ++k) {
        const Tagline& tl = b.taglines[k];
        text::ParagraphStyle s;
        s.size = size;
        s.align = Align::RaggedRight;
        s.hyphenation = Hyphenation::Off;
        s.language = tl.language;
        s.direction = tl.language.rtl() ? text::BaseDirection::RightToLeft : text::BaseDirection::Auto;
        const text::TextContext ctx{f.ctx.fonts, nullptr, tl.where};
        Unit u;
        u.furniture = "the " + tl.language.tag + " tagline";
        u.furniture_at = tl.where;
        u.space_before = size * 0.35;
        u.split = Split::Never;
        u.lines = typeset(mark_phone({{tl.text, FontStyle::Regular, b.colors.text, {}}}, b), s, width, Pt(0),
                          line_height, ctx, {Role::LanguageHelp, -1, static_cast<int>(k)}, f.diags);
        out.push_back(std::move(u));
    }
    return out;
}

std::vector<PageItem> notes_page(const Furnisher& f, Rect area) {
    const auto& t = f.layout.type;
    std::vector<PageItem> items;
    const Color ink = f.brand.colors.primary;
    auto head = typeset({{f.doc.words.labels.notes, FontStyle::Bold, ink, {}}}, para_style(f, t.heading), area.width,
                        Pt(0), t.heading * 1.3, f.ctx, {Role::Decoration}, f.diags);
    Pt y = stack(items, std::move(head), area.x, area.y);
    // Lines as far apart as handwriting needs (about 8 mm), the first a line below the heading.
    const Pt gap = std::max(Pt(22), t.body * 1.9);
    for (y += gap; y <= area.bottom() + Pt(0.01); y += gap)
        items.emplace_back(Rule{{area.x, y}, {area.x + area.width, y}, Pt(0.5), tint(ink, 0.35), {Role::Decoration}});
    return items;
}

Pt stacked_height(const std::vector<Unit>& units) {
    Pt h{0};
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i > 0) h += units[i].space_before;
        for (const auto& l : units[i].lines) h += l.height;
    }
    return h;
}

}  // namespace leafpress
