// A batch's contact sheet, OUTDIR/index.html: one card per leaflet and layout with thumbnails of
// its pages, its page count and size, its findings with their codes, and a link to the PDF;
// grouped by site when a batch builds for several brands. The page is self-contained (styles
// inline, thumbnails as inline SVG): it can be mailed or opened from anywhere. Its
// Content-Security-Policy lets a browser run no script and load nothing but the pictures inside
// it; the thumbnails it shows are never taken back from it (see kept_thumbnails.hpp).
#pragma once
#include <string>
#include <vector>

#include "cli/workers.hpp"

namespace leafpress {

// A site of the batch: one brand's leaflets, in their own folder when there are several.
struct Site {
    std::string brand;   // the brand file; empty: each leaflet's nearest brand.toml
    std::string folder;  // under OUTDIR; empty: OUTDIR itself
    std::string name;    // the clinic's name and phone, as the brand gives them (may be empty)
    std::string phone;
};

// The page's HTML. Paths of outputs are as the jobs hold them; links are made relative to
// `out_dir`, where the page is written. Each leaflet's thumbnails are marked with its PDF's
// address and hash.
// The page's Content-Security-Policy: no script, no fetching; only its own styles and the
// data: pictures inside its thumbnails.
inline constexpr const char* kSheetPolicy =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

std::string contact_sheet(const std::vector<Job>& jobs, const std::vector<Site>& sites, const std::string& out_dir);

}  // namespace leafpress
