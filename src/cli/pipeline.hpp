// The pipeline, stage by stage: load → shape/break (inside flow) → flow → write.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"

namespace leafpress {

// What every build shares: the fonts and hyphenation patterns, loaded once.
class Engine {
public:
    struct Paths {
        std::string layouts_dir;
        std::string fonts_dir;
        std::string hyphen_dir = "/usr/share/hyphen";
    };
    Engine(Paths paths, Diagnostics& diags);

    [[nodiscard]] const Paths& paths() const { return paths_; }
    [[nodiscard]] const text::FontLibrary& fonts() const { return fonts_; }
    // The sRGB ICC profile for PDF/A's output intent, made once (empty if LittleCMS failed).
    [[nodiscard]] const std::string& srgb_profile() const { return srgb_profile_; }
    // Patterns for a language, read when a paragraph first needs a hyphen; nullptr when none
    // are installed.
    const text::LazyHyphenator* hyphenator(const std::string& language);

private:
    Paths paths_;
    text::FontLibrary fonts_;
    std::string srgb_profile_;
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<text::LazyHyphenator>> hyphenators_;
};

enum class WarningPolicy { Allow, Fail };

struct BuildRequest {
    std::string content;  // content file
    std::string layout = "a4";
    std::string brand;    // empty: found next to the content
    std::string source_date;  // from SOURCE_DATE_EPOCH, "YYYY-MM-DD"; empty: the content's reviewed date
    Date today;               // for the review-date check
    WarningPolicy warnings = WarningPolicy::Allow;  // Fail: --strict
};

struct BuildResult {
    std::optional<std::vector<std::uint8_t>> pdf;  // nullopt when the build failed
    int pages = 0;
    std::string layout_name;
    std::vector<std::string> inputs;  // every file the build read: content, brand, logo, layout
    Diagnostics diags;
};

BuildResult build_leaflet(const BuildRequest& request, Engine& engine);

}  // namespace leafpress
