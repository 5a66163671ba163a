#include "pipeline/build.hpp"

#include <algorithm>
#include <filesystem>

#include "core/color_profile.hpp"
#include "core/files.hpp"

#include "check/check.hpp"
#include "content/load_content.hpp"
#include "layout/flow.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace leafpress {

BuildResult build_leaflet(const BuildRequest& request, Engine& engine) {
    BuildResult r;
    Diagnostics& d = r.diags;

    // Load.
    auto doc = load_content(request.content, d);
    std::string brand_path = request.brand;
    if (brand_path.empty()) {
        if (auto found = find_brand_file(request.content)) brand_path = *found;
    }
    std::optional<Brand> brand;
    if (brand_path.empty()) {
        d.error("brand.missing", {request.content, 0, 0}, "no brand.toml next to the content file or in a folder above it",
                "create one or pass --brand FILE");
    } else {
        brand = load_brand(brand_path, d);
    }
    const std::string layout_path = resolve_layout_path(request.layout, engine.paths().layouts_dir);
    std::optional<Layout> layout;
    std::error_code ec;
    if (layout_path != request.layout && !std::filesystem::exists(layout_path, ec)) {
        std::vector<std::string> found;
        for (const auto& e : std::filesystem::directory_iterator(engine.paths().layouts_dir, ec))
            if (e.path().extension() == ".toml") found.push_back(e.path().stem().string());
        std::sort(found.begin(), found.end());
        std::string names;
        for (const auto& n : found) names += (names.empty() ? "" : ", ") + n;
        d.error("layout.unknown", {}, "unknown layout '" + request.layout + "'",
                names.empty() ? "give the path to a layout file" : "the layouts are: " + names);
    } else {
        layout = load_layout(layout_path, d);
    }
    if (layout) r.layout_name = layout->name;
    r.inputs = {request.content, brand_path, layout_path};
    if (brand && !brand->logo.empty()) r.inputs.push_back(brand->logo);
    if (doc)
        for (const auto& file : figure_files(*doc)) r.inputs.push_back(file);
    if (!doc || !brand || !layout || d.has_errors()) return r;

    // Fonts and hyphenation for this leaflet.
    auto fonts = text::resolve_fonts(layout->family, layout->fallback, engine.fonts(), layout->font_pos, d);
    if (!fonts) return r;
    const text::LazyHyphenator* hyphenator = nullptr;
    if (layout->hyphenation == Hyphenation::On && doc->language.hyphenated) {
        hyphenator = engine.hyphenator(doc->language.tag);
        if (!hyphenator) {
            d.warning("text.no-patterns", {request.content, 0, 0},
                      "no hyphenation patterns for language '" + doc->language.tag + "'; words are not hyphenated",
                      "install Debian's hyphen-" + doc->language.primary + " package");
        }
    }

    // Shape, break and flow; then check what came out.
    LaidOut laid = flow(*doc, *brand, *layout, {*fonts, hyphenator}, d);
    r.pages = static_cast<int>(laid.pages.size());
    r.sides = laid.imposition ? static_cast<int>(laid.imposition->sides.size()) : r.pages;
    check_leaflet({*doc, *brand, *layout, laid, request.today,
                   request.output == Output::Print ? Medium::Print : Medium::Screen},
                  d);
    if (d.has_errors()) return r;
    if (request.warnings == WarningPolicy::Fail && d.warning_count() > 0) {
        d.error("strict", {request.content, 0, 0},
                std::to_string(d.warning_count()) + " warnings, and --strict makes warnings fail the build");
        return r;
    }

    // Write.
    if (request.thumbnail_dpi > 0) {
        // Pictures for a contact sheet: without them the leaflet is still right, so a failure
        // to draw them is a warning.
        Diagnostics drawing;
        if (auto thumbs = output::PngWriter({request.thumbnail_dpi, output::GlyphDrawing::Thumbnail}).draw(laid, drawing))
            r.thumbnails = std::move(thumbs->files);
        for (const auto& problem : drawing.all())
            d.warning("png.thumbnails", problem.where, "no thumbnails for the contact sheet: " + problem.message, problem.hint);
    }
    if (request.format == Format::Png) {
        r.output = output::PngWriter({request.dpi}).write(std::move(laid), d);
        return r;
    }
    if (request.format == Format::Dump) {
        r.output = output::DumpWriter().write(std::move(laid), d);
        return r;
    }
    output::PdfSettings options;
    options.source_date = request.source_date;
    options.srgb_profile = engine.srgb_profile();
    std::optional<CmykConverter> print;
    if (request.output == Output::Print) {
        const CmykConverter* base = engine.cmyk(d);
        if (!base) return r;
        print = *base;
        for (const auto& [rgb, cmyk] : brand->colors.exact_cmyk) print->set_exact(rgb, cmyk);
        options.print = &*print;
        // PDF/X asks for the document's dates: without a reviewed date, the day of the build.
        if (options.source_date.empty() && !doc->reviewed) options.source_date = to_iso(request.today);
    }
    r.output = output::PdfWriter(std::move(options)).write(std::move(laid), d);
    return r;
}

}  // namespace leafpress
