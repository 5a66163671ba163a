#include "content/toml_source.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "content/input_text.hpp"
#include "core/files.hpp"

#include "core/utf8.hpp"

namespace leafpress {

namespace {

SourcePos file_pos(const std::string& path, int line = 0, int column = 0) { return {path, line, column}; }

// Line and column (1-based, column counted in code points) of a byte offset.
SourcePos offset_pos(const std::string& path, std::string_view text, std::size_t offset) {
    int line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((c & 0xC0) != 0x80)
            ++col;
    }
    return {path, line, col};
}

std::string type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags, std::size_t max_bytes) {
    FileRead read = read_regular_file(path, max_bytes);
    if (!read.bytes) {
        switch (read.failure) {
            case ReadFailure::NotRegular:
                diags.error("input.not-a-file", file_pos(path), describe(read.failure, read.size, max_bytes),
                            "give the path of a .toml file");
                break;
            case ReadFailure::TooLarge:
                diags.error("input.too-large", file_pos(path), describe(read.failure, read.size, max_bytes),
                            "split the leaflet into several leaflets");
                break;
            default:
                diags.error("input.unreadable", file_pos(path), "cannot open file: " + describe(read.failure, 0, 0),
                            "check the path and its permissions");
        }
        return std::nullopt;
    }
    std::string text = std::move(*read.bytes);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags.error("input.empty", file_pos(path, 1, 1), "file is empty");
        return std::nullopt;
    }
    const auto starts = [&](std::string_view p) { return text.compare(0, p.size(), p) == 0; };
    if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
        diags.error("input.encoding", file_pos(path, 1, 1), "file is UTF-16 encoded; leafpress reads UTF-8",
                    "save the file as UTF-8 (in most editors: Save As, encoding UTF-8)");
        return std::nullopt;
    }
    if (starts("\xEF\xBB\xBF")) text.erase(0, 3);
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        const auto p = offset_pos(path, text, nul);
        diags.error("input.binary", p, "file contains a NUL byte: this is not a text file",
                    "content, brand and layout files are UTF-8 TOML text");
        return std::nullopt;
    }
    if (const auto bad = utf8::find_invalid(text)) {
        diags.error("input.encoding", offset_pos(path, text, *bad), "invalid UTF-8 byte sequence",
                    "save the file as UTF-8");
        return std::nullopt;
    }
    return text;
}

std::optional<toml::table> parse_toml(const std::string& text, const std::string& path, Diagnostics& diags) {
    try {
        toml::table table = toml::parse(text, path);
        check_input_text(table, text, path, diags);  // reported; the rest is still read for its findings
        return table;
    } catch (const toml::parse_error& e) {
        const auto& b = e.source().begin;
        diags.error("input.syntax", file_pos(path, static_cast<int>(b.line), static_cast<int>(b.column)),
                    std::string("TOML syntax: ") + std::string(e.description()));
        return std::nullopt;
    }
}

std::optional<toml::table> read_toml_file(const std::string& path, Diagnostics& diags, std::size_t max_bytes) {
    auto text = read_text_file(path, diags, max_bytes);
    if (!text) return std::nullopt;
    return parse_toml(*text, path, diags);
}

SourcePos position(const std::string& file, const toml::source_region& region) {
    return {file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string nearest(std::string_view word, std::initializer_list<std::string_view> known) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (auto k : known) {
        const std::size_t d = edit_distance(lower, k);
        if (d < best_d) {
            best_d = d;
            best = std::string(k);
        }
    }
    return best;
}

TomlFields::TomlFields(const toml::table& table, std::string file, std::string context, Diagnostics& diags)
    : table_(table), file_(std::move(file)), context_(std::move(context)), diags_(diags) {}

SourcePos TomlFields::table_pos() const {
    const auto& src = table_.source();
    if (src.begin.line == 0) return {file_, 1, 1};
    return position(file_, src);
}

SourcePos TomlFields::key_pos(std::string_view key) const {
    for (auto&& [k, v] : table_) {
        if (k.str() == key) return k.source().begin.line ? position(file_, k.source()) : position(file_, v.source());
    }
    return table_pos();
}

SourcePos TomlFields::value_pos(std::string_view key) const {
    if (const auto* n = table_.get(key)) return position(file_, n->source());
    return table_pos();
}

const toml::node* TomlFields::get(std::string_view key, Requirement req) {
    const toml::node* n = table_.get(key);
    if (!n && req == Requirement::Required) {
        std::string where = context_.empty() ? "" : " in " + context_;
        diags_.error("input.missing-key", table_pos(), "missing required key '" + std::string(key) + "'" + where,
                     "add a line: " + std::string(key) + " = ...");
    }
    return n;
}

void TomlFields::wrong_type(std::string_view key, std::string_view expected, std::string hint) {
    const toml::node* n = table_.get(key);
    diags_.error("input.type", value_pos(key),
                 "'" + std::string(key) + "' must be " + std::string(expected) + ", not " + type_name(*n),
                 std::move(hint));
}

std::optional<std::string> TomlFields::string(std::string_view key, Requirement req) {
    const toml::node* n = get(key, req);
    if (!n) return std::nullopt;
    if (const auto* s = n->as_string()) {
        std::string v = s->get();
        if (req == Requirement::Required && v.find_first_not_of(" \t\r\n") == std::string::npos) {
            diags_.error("input.empty-value", value_pos(key), "'" + std::string(key) + "' must not be empty");
            return std::nullopt;
        }
        return v;
    }
    wrong_type(key, "a string", "put the text in double quotes: " + std::string(key) + " = \"...\"");
    return std::nullopt;
}

std::optional<Date> TomlFields::date(std::string_view key, Requirement req) {
    const toml::node* n = get(key, req);
    if (!n) return std::nullopt;
    if (const auto* d = n->as_date()) {
        const auto& v = d->get();
        return Date{v.year, v.month, v.day};
    }
    std::string hint = "write a TOML date without quotes, e.g. " + std::string(key) + " = 2026-11-01";
    wrong_type(key, "a date", std::move(hint));
    return std::nullopt;
}

std::optional<double> TomlFields::number(std::string_view key, Requirement req) {
    const toml::node* n = get(key, req);
    if (!n) return std::nullopt;
    if (const auto* i = n->as_integer()) return static_cast<double>(i->get());
    if (const auto* f = n->as_floating_point()) {
        if (std::isfinite(f->get())) return f->get();
        diags_.error("input.not-finite", value_pos(key),
                     "'" + std::string(key) + "' must be a finite number, not " +
                         (std::isnan(f->get()) ? std::string("nan") : std::string("inf")));
        return std::nullopt;
    }
    wrong_type(key, "a number");
    return std::nullopt;
}

std::optional<int> TomlFields::whole_number(std::string_view key, int lo, int hi, std::string_view code,
                                            Requirement req) {
    const auto v = number(key, req);
    if (!v) return std::nullopt;
    const bool whole = *v == std::floor(*v);
    if (whole && *v >= lo && *v <= hi) return static_cast<int>(*v);
    std::string shown;
    if (const auto* i = table_.get(key)->as_integer()) {
        shown = std::to_string(i->get());
    } else {
        char buf[32];
        shown.assign(buf, std::to_chars(buf, buf + sizeof buf, *v).ptr);
    }
    const std::string near = std::to_string(static_cast<int>(std::clamp(std::floor(*v), double(lo), double(hi))));
    diags_.error(std::string(code), value_pos(key),
                 std::string(key) + " is a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                     ", not " + shown,
                 std::string(whole ? "write a number in that range" : "write it without a decimal point") +
                     ", such as " + std::string(key) + " = " + near);
    return std::nullopt;
}

std::optional<bool> TomlFields::boolean(std::string_view key, Requirement req) {
    const toml::node* n = get(key, req);
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    wrong_type(key, "true or false");
    return std::nullopt;
}

const toml::table* TomlFields::table(std::string_view key, Requirement req) {
    const toml::node* n = get(key, req);
    if (!n) return nullptr;
    if (const auto* t = n->as_table()) return t;
    wrong_type(key, "a table", "write it as [" + std::string(key) + "] on a line of its own");
    return nullptr;
}

const toml::array* TomlFields::array(std::string_view key, Requirement req) {
    const toml::node* n = get(key, req);
    if (!n) return nullptr;
    if (const auto* a = n->as_array()) return a;
    wrong_type(key, "an array");
    return nullptr;
}

void TomlFields::warn_unknown(std::initializer_list<std::string_view> known) {
    // Tables iterate in key order; report in file order.
    std::vector<std::pair<const toml::key*, const toml::node*>> keys;
    for (auto&& [k, v] : table_) keys.emplace_back(&k, &v);
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        const auto& x = a.first->source().begin;
        const auto& y = b.first->source().begin;
        return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    for (auto [kp, vp] : keys) {
        const toml::key& k = *kp;
        const toml::node& v = *vp;
        const std::string_view name = k.str();
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        if (std::find(reported_.begin(), reported_.end(), name) != reported_.end()) continue;
        const std::string near = nearest(name, known);
        std::string msg = "unknown key '" + std::string(name) + "'";
        if (!context_.empty()) msg += " in " + context_;
        if (!near.empty()) msg += "; did you mean '" + near + "'?";
        std::string hint = near.empty() ? "it is ignored" : "";
        diags_.warning("input.unknown-key",
                       k.source().begin.line ? position(file_, k.source()) : position(file_, v.source()),
                       std::move(msg), std::move(hint));
    }
}

}  // namespace leafpress
