#include "style/layout.hpp"

#include <filesystem>

#include "content/toml_source.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {
const std::initializer_list<std::string_view> kLayoutKeys = {"name", "description", "page", "type", "sections"};
const std::initializer_list<std::string_view> kPageKeys = {"size",    "orientation", "width",  "height",
                                                           "margins", "columns",     "gutter", "fold"};
const std::initializer_list<std::string_view> kMarginKeys = {"top", "bottom", "left", "right"};
const std::initializer_list<std::string_view> kTypeKeys = {
    "family", "fallback",        "body",  "min_body",  "leading",  "title", "subtitle", "heading",
    "small",  "paragraph_space", "align", "hyphenate", "min_text", "tables"};

struct Ratio {
    std::string_view key;
    double SectionRatios::*field;
};
constexpr Ratio kRatios[] = {
    {"heading_space", &SectionRatios::heading_space},     {"heading_line", &SectionRatios::heading_line},
    {"heading_gap", &SectionRatios::heading_gap},         {"callout_inset", &SectionRatios::callout_inset},
    {"callout_padding", &SectionRatios::callout_padding}, {"quote_inset", &SectionRatios::quote_inset},
    {"subheading_line", &SectionRatios::subheading_line}, {"subheading_space", &SectionRatios::subheading_space},
    {"list_indent", &SectionRatios::list_indent},         {"marker_gap", &SectionRatios::marker_gap},
    {"item_space", &SectionRatios::item_space},           {"continuation_space", &SectionRatios::continuation_space},
    {"block_space", &SectionRatios::block_space},         {"figure_height", &SectionRatios::figure_height},
    {"figure_gap", &SectionRatios::figure_gap},           {"caption_size", &SectionRatios::caption_size}};
const std::initializer_list<std::string_view> kSectionKeys = {
    "heading_space",   "heading_line",     "heading_gap", "callout_inset", "callout_padding", "quote_inset",
    "subheading_line", "subheading_space", "list_indent", "marker_gap",    "item_space",      "continuation_space",
    "block_space",     "figure_height",    "figure_gap",  "caption_size"};

struct NamedSize {
    std::string_view name;
    double width_mm, height_mm;
};
constexpr NamedSize kSizes[] = {
    {"A4", 210, 297}, {"A5", 148, 210}, {"A3", 297, 420}, {"Letter", 215.9, 279.4}, {"Legal", 215.9, 355.6}};

// Reads a positive number in a range, reporting values outside it.
std::optional<double> ranged(TomlFields& f, std::string_view key, double lo, double hi, std::string_view unit) {
    auto v = f.number(key, Requirement::Optional);
    if (v && (*v < lo || *v > hi)) {
        f.diags().error("layout.range", f.value_pos(key),
                        "'" + std::string(key) + "' must be between " + std::to_string(static_cast<int>(lo)) + " and " +
                            std::to_string(static_cast<int>(hi)) + " " + std::string(unit));
        return std::nullopt;
    }
    return v;
}

// The narrowest column a leaflet is set in: about 17 letters of 12 pt text, room for a phone
// number on a line. The shipped layouts' narrowest is a trifold's panel (218 pt); a column
// narrower than this makes every line, phone number and call to action a finding of its own.
constexpr Pt kMinColumnWidth{100};

// The columns and gutters must leave each column room for text (each key in its range can
// still leave none: four columns with 100 mm gutters on A4).
void check_column_width(TomlFields& f, const toml::table& t, const Layout& l) {
    const Pt width = (l.body_area().width - l.gutter * (l.columns - 1)) / l.columns;
    if (width >= kMinColumnWidth) return;
    const bool by_gutter = t.get("gutter") && l.columns > 1;
    const std::string left =
        width <= Pt(0) ? "no room at all" : std::to_string(static_cast<int>(width.value() / 72.0 * 25.4)) + " mm";
    f.diags().error("layout.columns",
                    t.get("columns") ? f.value_pos("columns")
                    : by_gutter      ? f.value_pos("gutter")
                                     : f.table_pos(),
                    std::to_string(l.columns) + " columns" + (by_gutter ? " with their gutters" : "") +
                        " leave each column " + left + "; a column needs at least " +
                        std::to_string(static_cast<int>(kMinColumnWidth.value() / 72.0 * 25.4)) + " mm for its text",
                    "use fewer columns, a narrower gutter or narrower margins");
}

void read_page(const toml::table& t, const std::string& path, Layout& l, Diagnostics& diags) {
    TomlFields f(t, path, "[page]", diags);
    f.warn_unknown(kPageKeys);
    if (auto size = f.string("size", Requirement::Optional)) {
        bool found = false;
        for (const auto& s : kSizes) {
            if (s.name.size() == size->size() &&
                std::equal(s.name.begin(), s.name.end(), size->begin(),
                           [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
                l.page = {mm(s.width_mm), mm(s.height_mm)};
                found = true;
            }
        }
        if (!found)
            diags.error("layout.size", f.value_pos("size"), "unknown page size '" + *size + "'",
                        "use A3, A4, A5, Letter or Legal, or give width and height in mm");
    }
    if (auto w = ranged(f, "width", 50, 2000, "mm")) l.page.width = mm(*w);
    if (auto h = ranged(f, "height", 50, 2000, "mm")) l.page.height = mm(*h);
    if (auto o = f.string("orientation", Requirement::Optional)) {
        if (*o == "landscape") {
            if (l.page.width < l.page.height) std::swap(l.page.width, l.page.height);
        } else if (*o == "portrait") {
            if (l.page.width > l.page.height) std::swap(l.page.width, l.page.height);
        } else {
            diags.error("layout.orientation", f.value_pos("orientation"), "unknown orientation '" + *o + "'",
                        "orientation is \"portrait\" or \"landscape\"");
        }
    }
    if (auto fold = f.string("fold", Requirement::Optional)) {
        if (*fold == "none")
            l.fold = Fold::None;
        else if (*fold == "trifold")
            l.fold = Fold::Trifold;
        else if (*fold == "booklet")
            l.fold = Fold::Booklet;
        else
            diags.error("layout.fold", f.value_pos("fold"), "unknown fold '" + *fold + "'",
                        "fold is \"none\", \"trifold\" or \"booklet\"");
    }
    if (const auto* m = f.table("margins", Requirement::Optional)) {
        TomlFields mf(*m, path, "[page.margins]", diags);
        mf.warn_unknown(kMarginKeys);
        if (auto v = ranged(mf, "top", 0, 200, "mm")) l.margins.top = mm(*v);
        if (auto v = ranged(mf, "bottom", 0, 200, "mm")) l.margins.bottom = mm(*v);
        if (auto v = ranged(mf, "left", 0, 200, "mm")) l.margins.left = mm(*v);
        if (auto v = ranged(mf, "right", 0, 200, "mm")) l.margins.right = mm(*v);
    }
    if (auto c = f.whole_number("columns", 1, 4, "layout.range", Requirement::Optional)) l.columns = *c;
    if (auto g = ranged(f, "gutter", 0, 100, "mm")) l.gutter = mm(*g);
    if (l.fold == Fold::Trifold && l.columns != 1)
        diags.error("layout.columns", f.value_pos("columns"), "a trifold's panels are its columns",
                    "leave out columns");
    if (l.body_area().width < Pt(72) || l.body_area().height < Pt(72))
        diags.error("layout.margins", t.get("margins") ? f.value_pos("margins") : f.table_pos(),
                    "the margins leave less than an inch for the text");
    else
        check_column_width(f, t, l);
}

void read_type(const toml::table& t, const std::string& path, Layout& l, Diagnostics& diags) {
    TomlFields f(t, path, "[type]", diags);
    f.warn_unknown(kTypeKeys);
    if (auto fam = f.string("family", Requirement::Optional)) {
        l.family = *fam;
        l.font_pos.front() = f.value_pos("family");
    }
    if (const auto* fb = f.array("fallback", Requirement::Optional)) {
        for (const auto& n : *fb) {
            if (const auto* s = n.as_string()) {
                l.fallback.push_back(s->get());
                l.font_pos.push_back(position(path, n.source()));
            } else {
                diags.error("input.type", position(path, n.source()),
                            "fallback fonts are given by family name, as strings");
            }
        }
    }
    if (auto v = ranged(f, "body", 4, 72, "pt")) l.type.body = Pt(*v);
    if (t.get("body")) l.body_pos = f.value_pos("body");
    if (auto v = ranged(f, "leading", 1, 3, "")) l.type.leading = *v;
    if (auto v = ranged(f, "min_body", 4, 72, "pt")) {
        l.min_body = Pt(*v);
        if (l.min_body > l.type.body)
            diags.error("layout.min-body", f.value_pos("min_body"), "min_body is larger than the body size");
    }
    if (auto v = ranged(f, "title", 4, 144, "pt")) l.type.title = Pt(*v);
    if (auto v = ranged(f, "subtitle", 4, 144, "pt")) l.type.subtitle = Pt(*v);
    if (auto v = ranged(f, "heading", 4, 144, "pt")) l.type.heading = Pt(*v);
    if (auto v = ranged(f, "small", 4, 72, "pt")) l.type.small = Pt(*v);
    if (auto v = ranged(f, "paragraph_space", 0, 72, "pt")) l.type.paragraph_space = Pt(*v);
    if (auto v = ranged(f, "min_text", 4, 72, "pt")) {
        l.min_text = Pt(*v);
        l.min_text_pos = f.value_pos("min_text");
    }
    if (auto a = f.string("align", Requirement::Optional)) {
        if (*a == "ragged" || *a == "left")
            l.align = Align::RaggedRight;
        else if (*a == "justify" || *a == "justified")
            l.align = Align::Justified;
        else
            diags.error("layout.align", f.value_pos("align"), "unknown alignment '" + *a + "'",
                        "align is \"ragged\" or \"justify\"");
    }
    if (auto ts = f.string("tables", Requirement::Optional)) {
        if (*ts == "ruled")
            l.table_style = TableStyle::Ruled;
        else if (*ts == "zebra")
            l.table_style = TableStyle::Zebra;
        else
            diags.error("layout.tables", f.value_pos("tables"), "unknown table style '" + *ts + "'",
                        "tables is \"ruled\" or \"zebra\"");
    }
    if (auto h = f.boolean("hyphenate", Requirement::Optional)) l.hyphenation = *h ? Hyphenation::On : Hyphenation::Off;
}

// [sections]: each ratio from 0 to 4 (a figure's height at most the whole body area).
void read_sections(const toml::table& t, const std::string& path, Layout& l, Diagnostics& diags) {
    TomlFields f(t, path, "[sections]", diags);
    f.warn_unknown(kSectionKeys);
    for (const Ratio& r : kRatios) {
        const double hi = r.key == "figure_height" ? 1 : 4;
        if (auto v = ranged(f, r.key, 0, hi, "times")) l.sections.*r.field = *v;
    }
}

}  // namespace

std::string resolve_layout_path(const std::string& name_or_path, const std::string& layouts_dir) {
    const bool looks_like_path =
        name_or_path.find('/') != std::string::npos || (name_or_path.size() > 5 && name_or_path.ends_with(".toml"));
    if (looks_like_path) return name_or_path;
    return (fs::path(layouts_dir) / (name_or_path + ".toml")).string();
}

std::optional<Layout> load_layout(const std::string& path, Diagnostics& diags) {
    auto text = read_text_file(path, diags, limits::kSettingsBytes);
    if (!text) return std::nullopt;
    return load_layout_text(*text, path, diags);
}

std::optional<Layout> load_layout_text(const std::string& text, const std::string& path, Diagnostics& diags) {
    auto table = parse_toml(text, path, diags);
    if (!table) return std::nullopt;

    Layout l;
    l.source_file = path;
    l.body_pos = {path, 0, 0};
    l.font_pos = {{path, 0, 0}};
    l.name = fs::path(path).stem().string();
    TomlFields f(*table, path, "", diags);
    f.warn_unknown(kLayoutKeys);
    l.display_name = f.string("name", Requirement::Optional).value_or(l.name);
    l.description = f.string("description", Requirement::Optional).value_or("");
    if (const auto* page = f.table("page", Requirement::Optional)) read_page(*page, path, l, diags);
    if (const auto* type = f.table("type", Requirement::Optional)) read_type(*type, path, l, diags);
    if (const auto* sections = f.table("sections", Requirement::Optional)) read_sections(*sections, path, l, diags);
    return l;
}

}  // namespace leafpress
