#include "pipeline/build.hpp"

#include <algorithm>
#include <filesystem>

#include "core/color_profile.hpp"
#include "core/files.hpp"

#include "check/check.hpp"
#include "content/load_content.hpp"
#include "layout/flow.hpp"
#include "model/page_sink.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace leafpress {

namespace {

// How many reading pages a leaflet has, and printed sides (two pages to a side in a booklet).
struct PageCount final : PageSink {
    int pages = 0, sides = 0;
    std::optional<int> imposed;
    void start(const DocumentStart& start) override {
        if (start.imposition) imposed = static_cast<int>(start.imposition->sides.size());
    }
    void page(const Page&) override { ++pages; }
    void end(const DocumentEnd&) override { sides = imposed.value_or(pages); }
};

}  // namespace

BuildResult build_leaflet(const BuildRequest& request, Engine& engine) {
    BuildResult r;
    Diagnostics& d = r.diags;

    // Load. The figures and the logo share one store: a file is decoded once, and the
    // leaflet's pictures together are held to their limit.
    PictureStore pictures;
    auto loaded = load_content(request.content, d, &pictures, &engine.translations());
    const Document* doc = loaded ? &*loaded : nullptr;
    if (doc) {
        r.reviewed = doc->reviewed;
        r.next_review = doc->next_review;
    }
    std::string brand_path = request.brand;
    if (brand_path.empty()) {
        const BrandLocation found = locate_brand(request.content);
        brand_path = found.file;
        if (found.above && !found.root)
            d.warning(
                "brand.inherited", {request.content, 0, 0},
                "the brand " + brand_path + " is from a folder above this leaflet's, and may be another clinic's",
                "put the clinic's brand.toml next to the leaflet, pass --brand FILE, or mark the catalogue's root "
                "with a leafpress.toml file (brands between the leaflet and it are then used without a word)");
    }
    std::optional<Brand> brand;
    if (brand_path.empty()) {
        d.error("brand.missing", {request.content, 0, 0},
                "no brand.toml next to the content file or in a folder above it", "create one or pass --brand FILE");
    } else {
        brand = load_brand(brand_path, d, &pictures);
        r.brand_file = brand_path;
        if (brand) r.brand_name = brand->name;
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
    if (doc && !doc->words.file.empty()) r.inputs.push_back(doc->words.file);
    if (!doc || !brand || !layout || d.has_errors()) return r;

    // Fonts and hyphenation for this leaflet.
    auto fonts = text::resolve_fonts(layout->family, layout->fallback, engine.fonts(), layout->font_pos, d);
    if (!fonts) return r;
    const text::LazyHyphenator* hyphenator = nullptr;
    if (layout->hyphenation == Hyphenation::On && doc->language.hyphenated) {
        hyphenator = engine.hyphenator(doc->language.tag);
        if (hyphenator && !hyphenator->file().empty()) r.inputs.push_back(hyphenator->file());
        if (!hyphenator) {
            d.warning("text.no-patterns", {request.content, 0, 0},
                      "no hyphenation patterns for language '" + doc->language.tag + "'; words are not hyphenated",
                      "install Debian's hyphen-" + doc->language.primary + " package");
        }
    }

    // The writer for the format asked for; the PDF needs the print shop's colours before its
    // first page.
    output::PdfSettings pdf;
    pdf.source_date = request.source_date;
    pdf.srgb_profile = engine.srgb_profile();
    std::optional<CmykConverter> print;
    if (request.output == Output::Print) {
        r.inputs.push_back(engine.paths().cmyk_profile);
        const CmykConverter* base = engine.cmyk(d);
        if (!base) return r;
        print = *base;
        for (const auto& [rgb, cmyk] : brand->colors.exact_cmyk) print->set_exact(rgb, cmyk);
        pdf.print = &*print;
        // PDF/X asks for the document's dates: without a reviewed date, the day of the build.
        if (pdf.source_date.empty() && !doc->reviewed) pdf.source_date = to_iso(request.today);
    }
    std::unique_ptr<output::Writer> writer;
    switch (request.format) {
        case Format::Pdf: writer = std::make_unique<output::PdfWriter>(pdf); break;
        case Format::Png: writer = std::make_unique<output::PngWriter>(output::PngSettings{request.dpi}); break;
        case Format::Dump: writer = std::make_unique<output::DumpWriter>(); break;
    }

    // Shape, break and flow, a page at a time: each page is checked and written as soon as it is
    // finished, so a long document is never held whole (thumbnails, for a contact sheet, are
    // drawn once every page has come).
    LeafletChecker checker(
        {*doc, *brand, *layout, request.today, request.output == Output::Print ? Medium::Print : Medium::Screen}, d);
    PageCount count;
    output::SvgWriter thumbnails({request.thumbnail_dpi});
    std::vector<PageSink*> sinks{&count, &checker, writer.get()};
    if (request.thumbnail_dpi > 0) sinks.push_back(&thumbnails);
    Tee tee(sinks);
    flow(*doc, *brand, *layout, {*fonts, hyphenator}, d, tee);
    r.pages = count.pages;
    r.sides = count.sides;
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
        if (auto thumbs = thumbnails.finish(drawing)) r.thumbnails = std::move(thumbs->files);
        for (const auto& problem : drawing.all())
            d.warning("png.thumbnails", problem.where, "no thumbnails for the contact sheet: " + problem.message,
                      problem.hint);
    }
    r.output = writer->finish(d);
    return r;
}

}  // namespace leafpress
