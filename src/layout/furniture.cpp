#include "layout/furniture.hpp"

#include <algorithm>

#include "layout/labels.hpp"
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
    if (!f.brand.logo.empty() && f.brand.logo_width > 0) {
        logo_h = t.title * 1.6;
        logo_w = logo_h * (static_cast<double>(f.brand.logo_width) / f.brand.logo_height);
        const Pt max_w = width * 0.3;
        if (logo_w > max_w) {
            logo_h = logo_h * (max_w / logo_w);
            logo_w = max_w;
        }
    }
    const Pt text_width = logo_w > Pt(0) ? width - logo_w - t.body : width;

    std::vector<PageItem> text_items;
    if (!f.doc.condition.empty()) {
        const Pt size = t.small * 1.25;
        auto lines = typeset({{f.doc.condition, FontStyle::Bold, kWhite, {}}}, para_style(f, size), text_width,
                             Pt(0), size * 1.4, f.ctx, {Role::Condition}, f.diags);
        y = stack(text_items, std::move(lines), x, y);
        y += t.small * 0.5;
    }
    auto title = typeset({{f.doc.title, FontStyle::Bold, kWhite, {}}}, para_style(f, t.title), text_width, Pt(0),
                         t.title * 1.15, f.ctx, {Role::Title}, f.diags);
    y = stack(text_items, std::move(title), x, y);
    if (!f.doc.subtitle.empty()) {
        y += t.subtitle * 0.3;
        auto sub = typeset({{f.doc.subtitle, FontStyle::Regular, kWhite, {}}}, para_style(f, t.subtitle), text_width,
                           Pt(0), t.subtitle * 1.3, f.ctx, {Role::Subtitle}, f.diags);
        y = stack(text_items, std::move(sub), x, y);
    }
    if (logo_w > Pt(0)) y = std::max(y, panel.y + L.margins.top + logo_h);
    const Pt band_bottom = y + t.body * 1.2;
    // The band bleeds to the panel's top and side edges.
    c.items.emplace_back(Box{{panel.x, panel.y, panel.width, band_bottom - panel.y}, f.brand.colors.primary,
                             std::nullopt, Pt(0), {Role::Decoration}});
    if (logo_w > Pt(0))
        c.items.emplace_back(Image{{x + width - logo_w, panel.y + L.margins.top, logo_w, logo_h}, f.brand.logo,
                                   {Role::Decoration}});
    for (auto& i : text_items) c.items.push_back(std::move(i));
    y = band_bottom + t.body * 1.2;

    if (!f.doc.summary.empty()) {
        const Pt size = t.body * 1.2;
        auto sum = typeset({{f.doc.summary, FontStyle::Regular, f.brand.colors.text, {}}}, para_style(f, size), width,
                           Pt(0), size * L.type.leading, f.ctx, {Role::Summary}, f.diags);
        y = stack(c.items, std::move(sum), x, y);
        y += t.body;
        c.items.emplace_back(Rule{{x, y}, {x + width, y}, Pt(0.75), tint(f.brand.colors.primary, 0.5), {Role::Decoration}});
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
                            Pt(0), t.heading * 1.3, f.ctx, {Role::Decoration}, f.diags));
    if (!b.tagline.empty())
        parts.push_back(typeset({{b.tagline, FontStyle::Regular, b.colors.text, {}}}, para_style(f, t.body * 0.9),
                                area.width, Pt(0), t.body * 0.9 * 1.35, f.ctx, {Role::Decoration}, f.diags));
    parts.push_back(typeset({{labels_for(f.doc.language).call + " " + b.phone, FontStyle::Bold, b.colors.text, tel_uri(b.phone)}},
                            para_style(f, t.body), area.width, Pt(0), t.body * 1.6, f.ctx, {Role::Decoration},
                            f.diags));
    Pt height{0};
    for (const auto& part : parts)
        for (const auto& l : part) height += l.height;
    std::vector<PageItem> out;
    Pt y = area.bottom() - height;
    out.emplace_back(Rule{{area.x, y - t.body * 0.6}, {area.x + area.width * 0.25, y - t.body * 0.6}, Pt(2),
                          b.colors.accent, {Role::Decoration}});
    for (auto& part : parts) y = stack(out, std::move(part), area.x, y);
    return out;
}

std::vector<PageItem> footer(const Furnisher& f, Rect panel, PageLabel label, int number, int total) {
    std::vector<PageItem> out;
    const Layout& L = f.layout;
    const Pt size = L.type.small;
    const Pt x = panel.x + L.margins.left;
    const Pt width = panel.width - L.margins.left - L.margins.right;
    const Pt top = panel.bottom() - L.margins.bottom + size * 1.6;
    out.emplace_back(Rule{{x, top}, {x + width, top}, Pt(0.75), f.brand.colors.primary, {Role::Footer}});
    const Pt line_height = size * 1.4;
    const Pt y = top + size * 0.6;

    const auto style = para_style(f, size);
    const Color text = f.brand.colors.text;
    text::Line left = text::set_line({{f.brand.name + "  \u00B7  ", FontStyle::Regular, text, {}},
                                      {labels_for(f.doc.language).call + " " + f.brand.phone, FontStyle::Bold, text,
                                       tel_uri(f.brand.phone)}},
                                     style, f.ctx, f.diags);
    text::Line right;
    if (label == PageLabel::Number)
        right = text::set_line({{labels_for(f.doc.language).page_of(number, total), FontStyle::Regular,
                                 text, {}}},
                               style, f.ctx, f.diags);
    const text::Face& face = f.ctx.fonts.primary(FontStyle::Regular);
    const Pt baseline = y + baseline_in(face, size, line_height);
    const auto place = [&](const text::Line& line, Pt at) {
        for (const auto& run : line.runs) {
            out.emplace_back(glyph_run(run, {at, baseline}, {Role::Footer}));
            if (!run.link.empty())
                out.emplace_back(Link{{at + run.left, y, run.right - run.left, line_height}, run.link, {Role::Footer}});
        }
    };
    // Clinic and phone where lines start, the page number at the other end.
    const bool rtl = text::is_rtl_language(f.doc.language);
    place(left, rtl ? x + width - left.width : x);
    if (!right.runs.empty()) place(right, rtl ? x : x + width - right.width);
    return out;
}

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

    const Labels& words = labels_for(f.doc.language);
    auto head = typeset({{words.questions, FontStyle::Bold, kWhite, {}}}, para_style(f, t.heading),
                        inner, Pt(0), t.heading * 1.3, f.ctx, {Role::CallToAction}, f.diags);
    y = stack(items, std::move(head), pad, y);
    y += t.body * 0.3;
    // The number as large as the box allows, up to 1.6 times a heading.
    Pt phone_size = t.heading * 1.6;
    const Pt natural = text::set_line({{words.call + " " + b.phone, FontStyle::Bold, kWhite, {}}}, para_style(f, phone_size),
                                      f.ctx, f.diags).width;
    if (natural > inner) phone_size = std::max(t.body, phone_size * (inner / natural));
    auto phone = typeset({{words.call + " " + b.phone, FontStyle::Bold, kWhite, tel_uri(b.phone)}}, para_style(f, phone_size),
                         inner, Pt(0), phone_size * 1.25, f.ctx, {Role::CallToAction}, f.diags);
    y = stack(items, std::move(phone), pad, y);
    if (!b.call_to_action.empty()) {
        y += t.body * 0.4;
        auto cta = typeset({{b.call_to_action, FontStyle::Regular, kWhite, {}}}, para_style(f, t.body), inner, Pt(0),
                           t.body * L.type.leading, f.ctx, {Role::CallToAction}, f.diags);
        y = stack(items, std::move(cta), pad, y);
    }
    std::string contact = b.name;
    if (!b.website.empty()) contact += "  \u00B7  " + b.website;
    if (!b.address.empty()) contact += "  \u00B7  " + b.address;
    y += t.body * 0.4;
    auto who = typeset({{contact, FontStyle::Regular, kWhite, {}}}, para_style(f, t.body * 0.9), inner, Pt(0),
                       t.body * 0.9 * L.type.leading, f.ctx, {Role::CallToAction}, f.diags);
    y = stack(items, std::move(who), pad, y);
    const std::string target = b.website.empty() ? tel_uri(b.phone) : b.website;
    if (beside) {
        auto code = qr_code(target, width - pad - qr, pad, qr, Color{0, 0, 0}, {Role::CallToAction});
        items.insert(items.end(), code.begin(), code.end());
        y = std::max(y, pad + qr);
    } else {
        y += t.body * 0.6;
        auto code = qr_code(target, pad, y, qr, Color{0, 0, 0}, {Role::CallToAction});
        items.insert(items.end(), code.begin(), code.end());
        y += qr;
    }
    y += pad;
    items.insert(items.begin(), Box{{Pt(0), Pt(0), width, y}, b.colors.primary, std::nullopt, Pt(0), {Role::CallToAction}});

    // The disclaimer and review date sit under the box, with it on the last page.
    y += t.small;
    std::string small;
    if (f.doc.reviewed) small = words.reviewed + " " + to_iso(*f.doc.reviewed) + ". ";
    small += b.disclaimer;
    if (!small.empty()) {
        auto d = typeset({{small, FontStyle::Italic, b.colors.text, {}}}, para_style(f, t.small), width, Pt(0),
                         t.small * 1.4, f.ctx, {Role::Disclaimer}, f.diags);
        y = stack(items, std::move(d), Pt(0), y);
    }
    Unit u;
    u.lines.push_back({y, std::move(items)});
    u.split = Split::Never;
    u.space_before = t.body * 1.5;
    return u;
}

}  // namespace leafpress
