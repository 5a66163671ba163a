#include "cli/kept_thumbnails.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <string_view>

#include "cli/output.hpp"
#include "core/diagnostics.hpp"
#include "core/files.hpp"

namespace leafpress {

namespace {

constexpr std::string_view kHeader = "leafpress thumbnails " LEAFPRESS_VERSION "\n";
// More than a catalogue's thumbnails come to (a leaflet's are tens of kilobytes).
constexpr std::size_t kMaxBytes = 256u * 1024 * 1024;

bool any_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

bool only(std::string_view v, std::string_view set) {
    for (char c : v)
        if (!any_of(c, set)) return false;
    return true;
}

bool hex_digits(std::string_view v) { return !v.empty() && only(v, "0123456789abcdefABCDEF"); }

// Text as utf8::markup_escaped writes it: no markup, and '&' only to start one of its four escapes.
bool escaped_text(std::string_view v) {
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '<' || v[i] == '>' || v[i] == '"') return false;
        if (v[i] != '&') continue;
        const std::string_view rest = v.substr(i);
        if (!(rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;") ||
              rest.starts_with("&quot;")))
            return false;
    }
    return true;
}

bool value_ok(std::string_view name, std::string_view v) {
    constexpr std::string_view kNumber = "0123456789.-% ";
    if (name == "width" || name == "height" || name == "x" || name == "y" || name == "viewBox" || name == "font-size" ||
        name == "stroke-width" || name == "textLength")
        return !v.empty() && only(v, kNumber);
    if (name == "fill" || name == "stroke")
        return v == "none" || ((v.size() == 7 || v.size() == 4) && v[0] == '#' && hex_digits(v.substr(1)));
    if (name == "d") return only(v, "MLHVZmlhvz0123456789.- ");
    if (name == "transform")
        for (std::string_view f : {std::string_view("translate("), std::string_view("matrix(")})
            if (v.starts_with(f) && v.ends_with(")")) return only(v.substr(f.size(), v.size() - f.size() - 1), kNumber);
    if (name == "href") {
        constexpr std::string_view png = "data:image/png;base64,";
        return v.starts_with(png) && v.size() > png.size() &&
               only(v.substr(png.size()), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");
    }
    if (name == "aria-label" || name == "font-family") return escaped_text(v);
    if (name == "xmlns") return v == "http://www.w3.org/2000/svg";
    if (name == "xml:space") return v == "preserve";
    if (name == "role") return v == "img";
    if (name == "font-weight") return v == "bold";
    if (name == "font-style") return v == "italic";
    if (name == "direction") return v == "rtl";
    if (name == "lengthAdjust") return v == "spacingAndGlyphs";
    if (name == "preserveAspectRatio") return v == "none";
    return false;  // any other attribute (an event handler, style, a link) is not the writer's
}

// Where an element may stand: <svg> at the top, <g> in an <svg>, the rest in either.
bool placed_ok(std::string_view name, std::string_view parent) {
    if (name == "svg") return parent.empty();
    if (name == "g") return parent == "svg";
    if (name == "rect" || name == "path" || name == "image" || name == "text") return parent == "svg" || parent == "g";
    return false;
}

// How the thumbnails of `output` are named in the file kept in `dir`.
std::string name_in(const std::string& dir, const std::string& output) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
    return fs::absolute(output, ec).lexically_normal().lexically_relative(base).generic_string();
}

}  // namespace

bool thumbnail_markup_ok(std::string_view s) {
    std::vector<std::string_view> open;
    std::size_t i = 0;
    const auto name_at = [&] {
        const std::size_t from = i;
        while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == ':' || s[i] == '-')) ++i;
        return s.substr(from, i - from);
    };
    while (i < s.size()) {
        if (s[i] != '<') {  // text: only inside <text>, and escaped
            const std::size_t end = s.find('<', i);
            if (open.empty() || open.back() != "text" || end == std::string_view::npos) return false;
            if (!escaped_text(s.substr(i, end - i))) return false;
            i = end;
            continue;
        }
        ++i;
        if (i < s.size() && s[i] == '/') {
            ++i;
            const std::string_view name = name_at();
            if (open.empty() || name != open.back() || i >= s.size() || s[i] != '>') return false;
            ++i;
            open.pop_back();
            if (open.empty()) {  // a side ends its line
                if (i >= s.size() || s[i] != '\n') return false;
                ++i;
            }
            continue;
        }
        const std::string_view name = name_at();
        if (!placed_ok(name, open.empty() ? std::string_view() : open.back())) return false;
        while (i < s.size() && s[i] == ' ') {
            ++i;
            const std::string_view attribute = name_at();
            if (!s.substr(i).starts_with("=\"")) return false;
            i += 2;
            const std::size_t end = s.find('"', i);
            if (end == std::string_view::npos || !value_ok(attribute, s.substr(i, end - i))) return false;
            i = end + 1;
        }
        const bool leaf = name == "rect" || name == "path" || name == "image";
        if (leaf && s.substr(i).starts_with("/>")) {
            i += 2;
        } else if (!leaf && i < s.size() && s[i] == '>') {
            ++i;
            open.push_back(name);
        } else {
            return false;
        }
    }
    return open.empty() && !s.empty();
}

KeptThumbnails::KeptThumbnails(const std::string& path) : dir_(std::filesystem::path(path).parent_path().string()) {
    const auto text = read_regular_file(path, kMaxBytes).bytes;
    if (!text || !text->starts_with(kHeader)) return;
    const std::string_view s(*text);
    std::size_t at = kHeader.size();
    // Each leaflet: "HASH PATH-BYTES SVG-BYTES\n", its path, its thumbnails, "\n".
    while (at < s.size()) {
        const std::size_t eol = s.find('\n', at);
        if (eol == std::string_view::npos) break;
        std::uint64_t hash = 0;
        std::size_t path_bytes = 0, svg_bytes = 0;
        const char* p = s.data() + at;
        const char* end = s.data() + eol;
        auto r = std::from_chars(p, end, hash, 16);
        if (r.ec != std::errc() || r.ptr == end || *r.ptr != ' ') break;
        r = std::from_chars(r.ptr + 1, end, path_bytes);
        if (r.ec != std::errc() || r.ptr == end || *r.ptr != ' ') break;
        r = std::from_chars(r.ptr + 1, end, svg_bytes);
        if (r.ec != std::errc() || r.ptr != end) break;
        const std::size_t body = eol + 1;
        if (path_bytes > s.size() - body || svg_bytes > s.size() - body - path_bytes ||
            body + path_bytes + svg_bytes >= s.size() || s[body + path_bytes + svg_bytes] != '\n')
            break;
        kept_[std::string(s.substr(body, path_bytes))] = {hash, std::string(s.substr(body + path_bytes, svg_bytes))};
        at = body + path_bytes + svg_bytes + 1;
    }
    if (at != s.size()) kept_.clear();  // damaged: nothing in it is taken
}

std::optional<std::string> KeptThumbnails::take(const Job& job, std::uint64_t pdf_hash) const {
    const auto it = kept_.find(name_in(dir_, job.output));
    if (it == kept_.end() || it->second.first != pdf_hash) return std::nullopt;
    if (count_thumbnails(it->second.second) == 0 || !thumbnail_markup_ok(it->second.second)) return std::nullopt;
    return it->second.second;
}

void keep_thumbnails(const std::string& path, const std::vector<Job>& jobs) {
    std::string out(kHeader);
    const std::string dir = std::filesystem::path(path).parent_path().string();
    for (const Job& j : jobs) {
        if (j.status == Status::Failed || j.thumbnail_count == 0) continue;
        const std::string name = name_in(dir, j.output);
        char head[64];
        std::snprintf(head, sizeof head, "%016llx %zu %zu\n", static_cast<unsigned long long>(j.pdf_hash), name.size(),
                      j.svg.size());
        out += head;
        out += name;
        out += j.svg;
        out += '\n';
    }
    Diagnostics ignored;  // thumbnails that cannot be kept are drawn again next time
    write_atomically(path, std::vector<std::uint8_t>(out.begin(), out.end()), ignored);
}

}  // namespace leafpress
