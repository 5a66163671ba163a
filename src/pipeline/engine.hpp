// What every build shares: the fonts, the hyphenation patterns, the colour profiles and the
// translation files. The fonts folder is scanned (its faces loaded) and the translation files
// read when the engine is made; a language's patterns and the print profile are read the first
// time a build needs them, in the process that builds it (each of a batch's workers reads its own).
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "content/translations.hpp"
#include "core/color_profile.hpp"
#include "core/diagnostics.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"

namespace leafpress {

// What every build shares: the fonts, loaded once, and patterns and profiles, read once each.
class Engine {
public:
    struct Paths {
        std::string layouts_dir;
        std::string fonts_dir;
        std::string hyphen_dir = "/usr/share/hyphen";
        std::string cmyk_profile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";  // Debian's libgs-common
        // The labels and date forms of each language; empty: data/translations beside layouts_dir.
        std::string translations_dir{};
    };
    Engine(Paths paths, Diagnostics& diags);

    [[nodiscard]] const Paths& paths() const { return paths_; }
    [[nodiscard]] const text::FontLibrary& fonts() const { return fonts_; }
    [[nodiscard]] const Translations& translations() const { return translations_; }
    // Reads the translation files again (watch: one may have been edited since the last build).
    void reload_translations(Diagnostics& diags) { translations_ = Translations::load(paths_.translations_dir, diags); }
    // The sRGB ICC profile for PDF/A's output intent, made once (empty if LittleCMS failed).
    [[nodiscard]] const std::string& srgb_profile() const { return srgb_profile_; }
    // Patterns for a language, read when a paragraph first needs a hyphen; nullptr when none
    // are installed.
    const text::LazyHyphenator* hyphenator(const std::string& language);
    // sRGB to the print profile's CMYK, read on first use; nullptr (with an error said) when the
    // profile is missing or is not a CMYK output profile.
    const CmykConverter* cmyk(Diagnostics& diags);

private:
    Paths paths_;
    text::FontLibrary fonts_;
    Translations translations_;
    std::string srgb_profile_;
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<text::LazyHyphenator>> hyphenators_;
    std::optional<Result<CmykConverter>> cmyk_;  // set when first asked: the converter, or why none
};

}  // namespace leafpress
