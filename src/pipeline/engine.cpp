#include "pipeline/engine.hpp"

#include <filesystem>

#include "core/files.hpp"

namespace leafpress {

namespace {

Engine::Paths with_translations(Engine::Paths paths) {
    if (paths.translations_dir.empty())
        paths.translations_dir =
            (std::filesystem::path(paths.layouts_dir).parent_path() / "data" / "translations").string();
    return paths;
}

}  // namespace

Engine::Engine(Paths paths, Diagnostics& diags)
    : paths_(with_translations(std::move(paths))),
      fonts_(text::FontLibrary::scan(paths_.fonts_dir, diags)),
      translations_(Translations::load(paths_.translations_dir, diags)),
      srgb_profile_(srgb_icc_profile()) {
    if (srgb_profile_.empty())
        diags.warning("pdf.profile", {},
                      "LittleCMS made no sRGB colour profile: PDFs are tagged (PDF/UA) but not PDF/A");
}

const text::LazyHyphenator* Engine::hyphenator(const std::string& language) {
    std::lock_guard lock(mutex_);
    auto it = hyphenators_.find(language);
    if (it == hyphenators_.end())
        it = hyphenators_.emplace(language, std::make_unique<text::LazyHyphenator>(language, paths_.hyphen_dir)).first;
    return it->second->available() ? it->second.get() : nullptr;
}

const CmykConverter* Engine::cmyk(Diagnostics& diags) {
    std::lock_guard lock(mutex_);
    if (!cmyk_) {
        if (auto bytes = read_file(paths_.cmyk_profile))
            cmyk_ = CmykConverter::open(*bytes);
        else
            cmyk_ = Failure{"cannot read the file"};
    }
    if (!*cmyk_) {
        diags.error("print.profile", {paths_.cmyk_profile, 0, 0},
                    "no CMYK print profile for --print: " + cmyk_->error(),
                    "install Debian's libgs-common (Ghostscript's default_cmyk.icc)");
        return nullptr;
    }
    return &**cmyk_;
}

}  // namespace leafpress
