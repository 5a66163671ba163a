#include "style/brand.hpp"

#include <algorithm>
#include <filesystem>

#include "content/toml_source.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {
const std::initializer_list<std::string_view> kBrandKeys = {
    "name", "phone", "website", "address", "tagline", "logo", "disclaimer", "call_to_action", "colors"};
const std::initializer_list<std::string_view> kColorKeys = {"primary", "accent", "text"};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<Color> parse_hex_color(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    int v[6];
    for (int i = 0; i < 6; ++i) {
        v[i] = hex_digit(s[static_cast<std::size_t>(i) + 1]);
        if (v[i] < 0) return std::nullopt;
    }
    return Color{(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

std::optional<Brand> load_brand(const std::string& path, Diagnostics& diags) {
    auto text = read_text_file(path, diags);
    if (!text) return std::nullopt;
    auto table = parse_toml(*text, path, diags);
    if (!table) return std::nullopt;

    Brand b;
    b.source_file = path;
    TomlFields f(*table, path, "", diags);
    f.warn_unknown(kBrandKeys);
    b.name = f.string("name", Requirement::Required).value_or("");
    b.phone = f.string("phone", Requirement::Required).value_or("");
    if (!b.phone.empty() && std::none_of(b.phone.begin(), b.phone.end(), [](char c) { return c >= '0' && c <= '9'; }))
        diags.error("brand.phone", f.value_pos("phone"), "the phone number has no digits");
    b.website = f.string("website", Requirement::Optional).value_or("");
    b.address = f.string("address", Requirement::Optional).value_or("");
    b.tagline = f.string("tagline", Requirement::Optional).value_or("");
    b.disclaimer = f.string("disclaimer", Requirement::Optional).value_or("");
    b.call_to_action = f.string("call_to_action", Requirement::Optional).value_or("");
    if (auto logo = f.string("logo", Requirement::Optional)) {
        fs::path p = fs::path(path).parent_path() / *logo;
        std::string ext = p.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) {
            diags.error("brand.logo", f.value_pos("logo"), "logo file '" + p.string() + "' not found",
                        "the path is relative to the brand file");
        } else if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") {
            diags.error("brand.logo", f.value_pos("logo"), "the logo must be a PNG or JPEG file");
        } else {
            b.logo = p.string();
        }
    }
    if (const auto* colors = f.table("colors", Requirement::Optional)) {
        TomlFields c(*colors, path, "[colors]", diags);
        c.warn_unknown(kColorKeys);
        const auto read = [&](std::string_view key, Color& out) {
            if (auto s = c.string(key, Requirement::Optional)) {
                if (auto col = parse_hex_color(*s)) out = *col;
                else
                    diags.error("brand.color", c.value_pos(key), "'" + *s + "' is not a colour",
                                "write colours as \"#RRGGBB\", e.g. \"#0E6E6E\"");
            }
        };
        read("primary", b.colors.primary);
        read("accent", b.colors.accent);
        read("text", b.colors.text);
    }
    return b;
}

std::optional<std::string> find_brand_file(const std::string& content_path) {
    std::error_code ec;
    fs::path dir = fs::absolute(fs::path(content_path), ec).parent_path();
    while (true) {
        fs::path candidate = dir / "brand.toml";
        if (fs::is_regular_file(candidate, ec)) {
            // Report it relative to the current folder when it is below it, as the user wrote paths.
            fs::path rel = fs::relative(candidate, ec);
            if (!ec && !rel.empty() && *rel.begin() != "..") return rel.string();
            return candidate.string();
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
    }
}

}  // namespace leafpress
