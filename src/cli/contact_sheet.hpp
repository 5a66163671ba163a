// A batch's contact sheet, OUTDIR/index.html: one card per leaflet and layout with thumbnails of
// its pages, its page count and size, its findings with their codes, and a link to the PDF;
// grouped by site when a batch builds for several brands. The page is self-contained (styles
// inline, thumbnails as inline SVG): it can be mailed or opened from anywhere.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
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
std::string contact_sheet(const std::vector<Job>& jobs, const std::vector<Site>& sites, const std::string& out_dir);

// The thumbnails in a contact sheet that a batch wrote, for the next batch to take those of the
// leaflets that are up to date rather than draw them again (the sheet is where thumbnails are
// kept: no file of their own for each leaflet to create).
class KeptThumbnails {
public:
    KeptThumbnails() = default;
    explicit KeptThumbnails(std::string html);
    // The thumbnails of the job's PDF as it has the hash `pdf_hash`; none when the sheet has no
    // such PDF, or pictures of a PDF since changed.
    [[nodiscard]] std::optional<std::string> take(const Job& job, std::uint64_t pdf_hash, const std::string& out_dir) const;

private:
    std::string html_;
    std::map<std::string, std::pair<std::size_t, std::size_t>> kept_;  // key → where its pictures are in html_
};

}  // namespace leafpress
