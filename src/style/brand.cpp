#include "style/brand.hpp"
#include "style/website.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/utf8.hpp"
#include "content/markup.hpp"
#include "content/toml_source.hpp"
#include "core/files.hpp"
#include "core/language.hpp"
#include "core/limits.hpp"
#include "style/phone.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {
const std::initializer_list<std::string_view> kBrandKeys = {
    "name",       "phone",          "website", "address", "hours",    "tagline",           "logo",    "logo_alt",
    "disclaimer", "call_to_action", "colors",  "text",    "taglines", "taglines_required", "language"};
const std::initializer_list<std::string_view> kColorKeys = {"primary",      "accent",      "text",
                                                            "primary_cmyk", "accent_cmyk", "text_cmyk"};

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

namespace {

// [text.<tag>] tables, [taglines] and taglines_required.
void read_languages(TomlFields& f, Brand& b, const std::string& path, Diagnostics& diags) {
    static const std::initializer_list<std::string_view> kTextKeys = {"call_to_action", "disclaimer"};
    if (const auto* texts = f.table("text", Requirement::Optional)) {
        for (auto&& [key, node] : *texts) {
            const std::string tag(key.str());
            const SourcePos at = position(path, node.source());
            if (!is_language_tag(tag)) {
                diags.error("brand.language", at,
                            "[text." + utf8::shortened(tag, 40, "") + "]: '" + utf8::shortened(tag, 40, "") +
                                "' is not a BCP 47 language tag",
                            "name the table by the language, such as [text.es] or [text.zh-Hant]");
                continue;
            }
            const auto* t = node.as_table();
            if (!t) {
                diags.error("input.type", at, "text." + tag + " must be a table with call_to_action and disclaimer",
                            "write [text." + tag + "] and the keys under it");
                continue;
            }
            TomlFields tf(*t, path, "[text." + tag + "]", diags);
            tf.warn_unknown(kTextKeys);
            BrandText bt;
            bt.call_to_action = tf.string("call_to_action", Requirement::Optional).value_or("");
            bt.disclaimer = tf.string("disclaimer", Requirement::Optional).value_or("");
            b.texts[tag] = std::move(bt);
        }
    }
    if (const auto* taglines = f.table("taglines", Requirement::Optional)) {
        TomlFields tf(*taglines, path, "[taglines]", diags);
        // In the file's order (a TOML table comes back sorted by key); past the limit, the limit is
        // the one finding, said first, and what is past it is not looked at.
        std::vector<std::pair<std::string, const toml::node*>> given;
        for (auto&& [key, node] : *taglines) given.emplace_back(std::string(key.str()), &node);
        const auto at_of = [&](const toml::node* n) { return position(path, n->source()); };
        std::stable_sort(given.begin(), given.end(), [&](const auto& x, const auto& y) {
            const SourcePos a = at_of(x.second), c = at_of(y.second);
            return std::pair(a.line, a.column) < std::pair(c.line, c.column);
        });
        if (given.size() > limits::kTaglines) {
            diags.error("brand.taglines", tf.key_pos(given[limits::kTaglines].first),
                        "the brand has " + std::to_string(given.size()) + " taglines; at most " +
                            std::to_string(limits::kTaglines) + " are allowed",
                        "keep the languages the clinic's patients read; only the first " +
                            std::to_string(limits::kTaglines) + " are looked at");
            given.resize(limits::kTaglines);
        }
        for (const auto& [tag, node_ptr] : given) {
            const SourcePos at = at_of(node_ptr);
            if (!is_language_tag(tag)) {
                diags.error("brand.language", tf.key_pos(tag),
                            "taglines: '" + utf8::shortened(tag, 40, "") + "' is not a BCP 47 language tag",
                            "key each tagline by its language, such as es = \"...\" or \"zh-Hant\" = \"...\"");
                continue;
            }
            auto text = tf.string(tag, Requirement::Required);
            if (!text) continue;
            if (text->empty()) {
                diags.error("brand.taglines", at, "the " + tag + " tagline is empty");
                continue;
            }
            b.taglines.push_back({Language::parse(tag), *text, at});
        }
        // In the order the file gives them (TOML tables come back sorted by key).
        std::stable_sort(b.taglines.begin(), b.taglines.end(), [](const Tagline& x, const Tagline& y) {
            return std::pair(x.where.line, x.where.column) < std::pair(y.where.line, y.where.column);
        });
    }
    if (auto n = f.whole_number("taglines_required", 0, limits::kTaglines, "brand.taglines", Requirement::Optional))
        b.taglines_required = *n;
}

// A table of colours under another spelling ([colours], [colour], [Colors]) would leave the
// clinic's colours unused without a word: an error at its name.
void refuse_colour_spellings(const toml::table& table, TomlFields& f, Diagnostics& diags) {
    for (auto&& [k, v] : table) {
        std::string name(k.str());
        if (name == "colors") continue;
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        const bool colours = lower == "colours" || lower == "colour" || lower == "color" || lower == "colors" ||
                             lower == "colores" || lower == "couleurs" ||
                             !nearest(lower, {"colors", "colours"}).empty();
        if (!colours) continue;
        diags.error("brand.colors-key", f.key_pos(name),
                    "unknown key '" + utf8::shortened(name, 40, "") +
                        "': the clinic's colours go in [colors] (US spelling); " +
                        (v.is_table() ? "these colours would be ignored" : "this would be ignored"),
                    "rename it [colors], with primary, accent and text under it as \"#RRGGBB\"");
        f.reported(name);
    }
}

}  // namespace

BrandText Brand::text_for(const Language& language) const {
    BrandText out{call_to_action, disclaimer, this->language, this->language};
    const BrandText* found = nullptr;
    std::string found_tag;
    if (auto it = texts.find(language.tag); it != texts.end()) {
        found = &it->second;
        found_tag = it->first;
    }
    if (!found)
        for (const auto& [tag, t] : texts)
            if (Language::parse(tag).primary == language.primary && tag.find('-') == std::string::npos) {
                found = &t;
                found_tag = tag;
            }
    if (found) {
        const Language written = Language::parse(found_tag);
        if (!found->call_to_action.empty()) {
            out.call_to_action = found->call_to_action;
            out.call_to_action_language = written;
        }
        if (!found->disclaimer.empty()) {
            out.disclaimer = found->disclaimer;
            out.disclaimer_language = written;
        }
    }
    return out;
}

std::optional<Brand> load_brand(const std::string& path, Diagnostics& diags, PictureStore* pictures) {
    auto text = read_text_file(path, diags, limits::kSettingsBytes);
    if (!text) return std::nullopt;
    return load_brand_text(*text, path, diags, pictures);
}

std::optional<Brand> load_brand_text(const std::string& text, const std::string& path, Diagnostics& diags,
                                     PictureStore* store) {
    PictureStore own;
    PictureStore& pictures = store ? *store : own;
    auto table = parse_toml(text, path, diags);
    if (!table) return std::nullopt;

    Brand b;
    b.source_file = path;
    TomlFields f(*table, path, "", diags);
    refuse_colour_spellings(*table, f, diags);
    f.warn_unknown(kBrandKeys);
    for (auto&& [k, v] : *table) b.positions[std::string(k.str())] = position(path, v.source());
    if (const auto* c = table->get_as<toml::table>("colors"))
        for (auto&& [k, v] : *c) b.positions["colors." + std::string(k.str())] = position(path, v.source());
    if (const auto* texts = table->get_as<toml::table>("text"))
        for (auto&& [tag, t] : *texts)
            if (const auto* keys = t.as_table())
                for (auto&& [k, v] : *keys)
                    b.positions["text." + std::string(tag.str()) + "." + std::string(k.str())] =
                        position(path, v.source());
    b.name = f.string("name", Requirement::Required).value_or("");
    b.phone = f.string("phone", Requirement::Required).value_or("");
    if (!b.phone.empty()) {
        const PhoneUri tel = phone_uri(b.phone);
        if (tel.uri)
            b.tel = *tel.uri;
        else
            diags.error("brand.phone", f.value_pos("phone"), tel.problem + ": \"" + b.phone + "\"", tel.hint);
    }
    b.website = f.string("website", Requirement::Optional).value_or("");
    if (!b.website.empty()) {
        const WebAddress web = web_address(b.website);
        if (web.uri.empty()) {
            diags.error("brand.website", f.value_pos("website"), web.problem, web.hint);
            b.website.clear();  // neither printed nor linked
        } else if (web.scheme_added) {
            diags.warning("brand.website", f.value_pos("website"),
                          "the website has no scheme; it is linked as " + web.uri,
                          "write it in full, such as \"" + web.uri + "\"");
        }
        b.website_uri = web.uri;
    }
    b.address = f.string("address", Requirement::Optional).value_or("");
    b.hours = f.string("hours", Requirement::Optional).value_or("");
    b.logo_alt = f.string("logo_alt", Requirement::Optional).value_or(b.name);
    b.tagline = f.string("tagline", Requirement::Optional).value_or("");
    b.disclaimer = f.string("disclaimer", Requirement::Optional).value_or("");
    b.call_to_action = f.string("call_to_action", Requirement::Optional).value_or("");
    // The language of its own call_to_action and disclaimer (a reader's voice is chosen by it).
    if (auto lang = f.string("language", Requirement::Optional)) {
        if (is_language_tag(*lang))
            b.language = Language::parse(*lang);
        else
            diags.error(
                "brand.language", f.value_pos("language"),
                "'" + utf8::shortened(*lang, 40, "") + "' is not a BCP 47 language tag",
                "write the language of the brand's call_to_action and disclaimer, such as language = \"en\" or \"es\"");
    }
    if (auto logo = f.string("logo", Requirement::Optional)) {
        const fs::path p = fs::path(path).parent_path() / *logo;
        const InsidePath inside = path_inside(fs::path(path).parent_path().string(), *logo);
        std::error_code ec;
        if (!inside.problem.empty()) {
            diags.error("brand.logo", f.value_pos("logo"),
                        "the logo '" + *logo + "' is outside the brand file's folder: " + inside.problem,
                        "put the logo in the brand file's folder or a folder inside it, and give its path from there, "
                        "such as logo.png");
        } else if (!fs::exists(inside.path, ec)) {
            diags.error("brand.logo", f.value_pos("logo"), "logo file '" + p.string() + "' not found",
                        "the path is relative to the brand file");
        } else if (LoadedImage img = pictures.load(inside.path); !img.raster) {
            diags.error(
                "brand.logo", f.value_pos("logo"), "the logo '" + p.string() + "' cannot be used: " + img.problem,
                img.over_budget
                    ? "make the logo and the leaflet's pictures smaller: 2,000 pixels across prints sharp 17 cm wide"
                    : "the logo is a PNG or JPEG image");
        } else {
            b.logo = p.string();
            b.logo_image = std::move(img.raster);
        }
    }
    read_languages(f, b, path, diags);
    if (const auto* colors = f.table("colors", Requirement::Optional)) {
        TomlFields c(*colors, path, "[colors]", diags);
        c.warn_unknown(kColorKeys);
        const auto read = [&](std::string_view key, Color& out) {
            if (auto s = c.string(key, Requirement::Optional)) {
                if (auto col = parse_hex_color(*s))
                    out = *col;
                else
                    diags.error("brand.color", c.value_pos(key), "'" + *s + "' is not a colour",
                                "write colours as \"#RRGGBB\", e.g. \"#0E6E6E\"");
            }
        };
        read("primary", b.colors.primary);
        read("accent", b.colors.accent);
        read("text", b.colors.text);
        // Inks as four percentages, C M Y K.
        const auto read_cmyk = [&](std::string_view key, const Color& rgb) {
            const toml::array* a = c.array(key, Requirement::Optional);
            if (!a) return;
            std::array<double, 4> v{};
            bool ok = a->size() == 4;
            for (std::size_t i = 0; ok && i < 4; ++i) {
                const auto n = (*a)[i].value<double>();
                ok = n && *n >= 0 && *n <= 100;
                if (ok) v[i] = *n / 100.0;
            }
            if (!ok) {
                diags.error("brand.color", c.value_pos(key), "'" + std::string(key) + "' is not four ink percentages",
                            "write inks as [C, M, Y, K] from 0 to 100, e.g. [100, 0, 30, 40]");
                return;
            }
            b.colors.exact_cmyk.emplace_back(rgb, Cmyk{v[0], v[1], v[2], v[3]});
        };
        read_cmyk("primary_cmyk", b.colors.primary);
        read_cmyk("accent_cmyk", b.colors.accent);
        read_cmyk("text_cmyk", b.colors.text);
    }
    return b;
}

SourcePos Brand::position_of(const std::string& key) const {
    auto it = positions.find(key);
    return it != positions.end() ? it->second : SourcePos{source_file, 0, 0};
}

namespace {

// A path as the user wrote paths: relative to the current folder when it is below it.
std::string shown_path(const fs::path& p) {
    std::error_code ec;
    fs::path rel = fs::relative(p, ec);
    if (!ec && !rel.empty() && *rel.begin() != "..") return rel.string();
    return p.string();
}

// Whether a folder holds an entry of this name of any kind (a file, a folder, a pipe, a link that
// leads nowhere), or cannot be asked (a path too long, no permission): either way the search
// stops there, and loading it says what is wrong, rather than a brand further up being used
// unsaid (another clinic's, with another clinic's phone number).
bool entry_here(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) return true;
    return errno != ENOENT && errno != ENOTDIR;
}

}  // namespace

BrandLocation locate_brand(const std::string& content_path) {
    BrandLocation out;
    std::error_code ec;
    const fs::path home = fs::absolute(fs::path(content_path), ec).parent_path();
    // The catalogue's root: the nearest folder at or above the content's with a project file.
    for (fs::path dir = home;; dir = dir.parent_path()) {
        if (entry_here(dir / "leafpress.toml")) {
            out.root = shown_path(dir / "leafpress.toml");
            break;
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    }
    for (fs::path dir = home;; dir = dir.parent_path()) {
        const fs::path candidate = dir / "brand.toml";
        if (entry_here(candidate)) {
            out.file = shown_path(candidate);
            out.above = dir != home;
            return out;
        }
        // A brand is never looked for above the project's root.
        if (out.root && entry_here(dir / "leafpress.toml")) return out;
        if (!dir.has_parent_path() || dir.parent_path() == dir) return out;
    }
}

std::optional<std::string> find_brand_file(const std::string& content_path) {
    auto found = locate_brand(content_path);
    if (found.file.empty()) return std::nullopt;
    return found.file;
}

}  // namespace leafpress
