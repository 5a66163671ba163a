// The thumbnails of a batch's PDFs, kept for the next batch to show the leaflets that are up to
// date without drawing them again. They are kept in a file of leafpress's own beside the build
// record, OUTDIR/.leafpress-thumbnails, never taken back from the contact sheet (an output that
// anyone may edit), and what is read back is trusted only as far as it checks: a thumbnail is
// taken only for the very PDF it was drawn from (its path and hash), and only when its markup is
// the SVG leafpress writes (thumbnail_markup_ok). Anything else is drawn again.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/workers.hpp"

namespace leafpress {

// Whether `svg` is thumbnails as leafpress's SVG writer draws them: one <svg> a line, holding
// only <g>, <rect>, <path>, <text> and <image> elements with the attributes that writer gives
// them, text escaped, colours as #rrggbb, pictures as data:image/png. No script, event handler,
// foreignObject, link, style or address of another document can pass.
bool thumbnail_markup_ok(std::string_view svg);

class KeptThumbnails {
public:
    KeptThumbnails() = default;
    // Reads the thumbnails kept at `path`; a missing, foreign or damaged file keeps none.
    explicit KeptThumbnails(const std::string& path);
    // The thumbnails of the job's PDF as it has the hash `pdf_hash`; none when there are no
    // such thumbnails, they are of a PDF since changed, or their markup does not check.
    [[nodiscard]] std::optional<std::string> take(const Job& job, std::uint64_t pdf_hash) const;

private:
    std::string dir_;  // the folder of the file: outputs are named relative to it
    std::map<std::string, std::pair<std::uint64_t, std::string>> kept_;  // output → (PDF hash, thumbnails)
};

// Writes the thumbnails of every job that has some to `path` (written as the build record is),
// each under its PDF's path relative to the file's folder (a batch run from elsewhere finds them).
void keep_thumbnails(const std::string& path, const std::vector<Job>& jobs);

}  // namespace leafpress
