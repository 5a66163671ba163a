// The pipeline, stage by stage: load → shape/break (inside flow) → flow → check → write.
// Any front end (the command line, a batch worker, watch, a test) builds a leaflet through it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "output/writer.hpp"
#include "pipeline/engine.hpp"

namespace leafpress {

enum class WarningPolicy { Allow, Fail };

// The screen-and-office-printer PDF, or the print shop's (bleed, marks, CMYK, PDF/X-4).
enum class Output { Screen, Print };

// What a build writes: the PDF, PNG pictures of its pages (preview), or the page model's dump.
enum class Format { Pdf, Png, Dump };

struct BuildRequest {
    std::string content;  // content file
    std::string layout = "a4";
    std::string brand{};        // empty: found next to the content
    std::string source_date{};  // from SOURCE_DATE_EPOCH, "YYYY-MM-DD"; empty: the content's reviewed date
    Date today{};               // for the review-date check
    WarningPolicy warnings = WarningPolicy::Allow;  // Fail: --strict
    Output output = Output::Screen;
    Format format = Format::Pdf;
    double dpi = 96;           // Format::Png
    double thumbnail_dpi = 0;  // > 0: also thumbnails of the pages (SVG), for a batch's contact sheet
};

struct BuildResult {
    std::optional<output::Rendition> output;            // nullopt when the build failed; a PDF is one file
    std::vector<std::vector<std::uint8_t>> thumbnails;  // one SVG element per printed side, when asked for
    int pages = 0;                                      // reading pages
    int sides = 0;                                      // printed sides: two reading pages to a side in a booklet
    std::string layout_name;
    std::vector<std::string> inputs;  // every file the build read: content, brand, logo, layout, figures,
                                      // hyphenation patterns, print profile
    std::string brand_file;           // the brand file used, as given or found
    std::string brand_name;           // its clinic's name, when it loaded
    // The content's review dates, as loaded: with the day, they decide the review check's findings.
    std::optional<Date> reviewed, next_review;
    Diagnostics diags;
};

BuildResult build_leaflet(const BuildRequest& request, Engine& engine);

}  // namespace leafpress
