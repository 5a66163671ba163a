#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/color_profile.hpp"
#include "core/geometry.hpp"
#include "core/image.hpp"
#include "core/pictures.hpp"
#include "core/language.hpp"

namespace leafpress {

struct BrandColors {
    Color primary{0x0E / 255.0, 0x6E / 255.0, 0x6E / 255.0};
    Color accent{0xF2 / 255.0, 0xA5 / 255.0, 0x41 / 255.0};
    Color text{0x1A / 255.0, 0x1A / 255.0, 0x1A / 255.0};
    // The print shop's own inks for a colour (`primary_cmyk = [100, 0, 30, 40]`, percent):
    // --print uses them as they are instead of converting the sRGB colour.
    std::vector<std::pair<Color, Cmyk>> exact_cmyk;
};

// The brand's words that change with a leaflet's language, each with the language it is
// written in: the leaflet's when the brand has it, else the language of the text it falls back
// to (the brand's own, English unless the brand says otherwise).
struct BrandText {
    std::string call_to_action;
    std::string disclaimer;
    Language call_to_action_language{};
    Language disclaimer_language{};
};

// A language-assistance notice ("ATENCIÓN: si habla español, ..."), in its own language.
struct Tagline {
    Language language;
    std::string text;
    SourcePos where;  // its value in the brand file
};

struct Brand {
    std::string source_file;
    std::string name;
    std::string phone;        // as the clinic wrote it: printed exactly so
    std::string tel;          // the tel: URI (RFC 3966) that dials it, extension included
    std::string website;      // as written
    std::string website_uri;  // what a link or QR code opens: the website with its scheme
    std::string address;
    std::string hours;  // opening hours, printed with the address
    std::string tagline;
    std::string logo;                          // absolute or relative-to-cwd path, resolved from the brand file
    std::shared_ptr<const Raster> logo_image;  // decoded once, when the brand is loaded
    std::string logo_alt;                      // the logo's alternative text (default: the clinic's name)
    std::string disclaimer;
    std::string call_to_action;  // extension: the invitation printed with the phone number
    Language language{};  // what its own call_to_action and disclaimer are written in (`language`, default English)
    std::map<std::string, BrandText> texts;  // [text.<tag>]: by language tag as written
    std::vector<Tagline> taglines;           // [taglines], in the file's order
    int taglines_required = 0;               // how many taglines every leaflet must carry
    BrandColors colors;
    std::map<std::string, SourcePos> positions;  // where each key's value is: "phone", "colors.text", ...
    [[nodiscard]] SourcePos position_of(const std::string& key) const;
    // The call to action and disclaimer for a leaflet in a language: [text.<tag>], else
    // [text.<primary language>], each part falling back to the brand's own when not given.
    [[nodiscard]] BrandText text_for(const Language& language) const;
};

// "#RRGGBB" → Color
std::optional<Color> parse_hex_color(std::string_view s);

// The logo is decoded through `pictures` (a build's, shared with the figures), or a store of
// the brand's own when it is null.
std::optional<Brand> load_brand(const std::string& path, Diagnostics& diags, PictureStore* pictures = nullptr);
// The same from text in memory; `path` names it, and a logo is looked for next to it.
std::optional<Brand> load_brand_text(const std::string& text, const std::string& path, Diagnostics& diags,
                                     PictureStore* pictures = nullptr);

// The brand file for a content file: brand.toml in its folder or the nearest parent that has one,
// never above the catalogue's root (the nearest folder with a project file, leafpress.toml).
std::optional<std::string> find_brand_file(const std::string& content_path);

struct BrandLocation {
    std::string file;                 // the brand file found; empty: none
    bool above = false;               // found in a folder above the content's own
    std::optional<std::string> root;  // the project file that marks the catalogue's root
};
BrandLocation locate_brand(const std::string& content_path);

}  // namespace leafpress
