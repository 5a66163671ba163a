#pragma once
#include "content/translations.hpp"
#include <optional>
#include <string>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "core/pictures.hpp"

namespace leafpress {

// Loads a content file (one leaflet). Returns nullopt when the file cannot be read or parsed;
// other problems are reported in `diags` and the document is returned as far as it could be read.
// Figures are decoded through `pictures` (shared with the brand's logo by a build), or through a
// store of the document's own when it is null. With `translations`, the leaflet's words (its
// labels and dates, in its language) are decided here, and the "Sources" section's heading is
// its label; without, they are left empty (for callers that only look at the text or its files).
std::optional<Document> load_content(const std::string& path, Diagnostics& diags, PictureStore* pictures = nullptr,
                                     const Translations* translations = nullptr);

// Whether figures' pictures are decoded, or only found (to know which files a leaflet uses).
enum class ImageLoading { Decode, Locate };

// The same from text already in memory (`path` names it in diagnostics).
std::optional<Document> load_content_text(const std::string& text, const std::string& path, Diagnostics& diags,
                                          ImageLoading images = ImageLoading::Decode, PictureStore* pictures = nullptr,
                                          const Translations* translations = nullptr);

// The figure files a document uses.
std::vector<std::string> figure_files(const Document& doc);

}  // namespace leafpress
