#include "content/translations.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "content/toml_source.hpp"

namespace fs = std::filesystem;

namespace leafpress {

std::string Labels::page_of(int n, int m) const {
    std::string out = page;
    const auto put = [&](std::string_view key, int v) {
        if (auto p = out.find(key); p != std::string::npos) out.replace(p, key.size(), std::to_string(v));
    };
    put("{n}", n);
    put("{m}", m);
    return out;
}

const std::string& DateForm::for_region(const std::string& region) const {
    if (region.empty() || other_regions.empty()) return format;
    return std::find(regions.begin(), regions.end(), region) != regions.end() ? format : other_regions;
}

namespace {

const std::initializer_list<std::string_view> kKeys = {"questions",     "call",    "page",        "reviewed",
                                                       "qr_code",       "version", "next_review", "sources",
                                                       "language_help", "notes",   "date"};
const std::initializer_list<std::string_view> kDateKeys = {"format", "other_regions", "regions", "months"};
constexpr std::array<std::string_view, 7> kPlaceholders = {"{day}",   "{dd}",   "{m}",   "{mm}",
                                                           "{month}", "{year}", "{yyyy}"};

// The table's key for a language: Chinese by script (Traditional for Taiwan, Hong Kong and
// Macau when no script is given), everything else by its primary subtag.
std::string key_of(const Language& l) {
    if (l.primary == "zh") {
        const bool traditional =
            l.script == "Hant" || (l.script.empty() && (l.region == "TW" || l.region == "HK" || l.region == "MO"));
        return traditional ? "zh-Hant" : "zh-Hans";
    }
    if (l.primary == "fil") return "tl";
    if (l.primary == "iw") return "he";
    return l.primary;
}

// Every {...} in a date form is one leafpress knows.
bool check_form(TomlFields& f, std::string_view key, const std::string& form, bool has_months) {
    for (std::size_t at = form.find('{'); at != std::string::npos; at = form.find('{', at + 1)) {
        const std::size_t end = form.find('}', at);
        const std::string_view name = end == std::string::npos ? std::string_view(form).substr(at)
                                                               : std::string_view(form).substr(at, end - at + 1);
        if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
            f.diags().error("translations.date", f.value_pos(key),
                            "unknown placeholder '" + std::string(name) + "' in the date form",
                            "a date form uses {day}, {dd}, {m}, {mm}, {month}, {year} and {yyyy}");
            return false;
        }
        if (name == "{month}" && !has_months) {
            f.diags().error("translations.date", f.value_pos(key),
                            "the date form names {month} but [date] has no months",
                            "add months = [\"January\", ...], the twelve names");
            return false;
        }
    }
    return true;
}

std::optional<std::vector<std::string>> strings(TomlFields& f, std::string_view key, std::size_t count) {
    const toml::array* a = f.array(key, Requirement::Optional);
    if (!a) return std::vector<std::string>{};
    std::vector<std::string> out;
    for (const auto& n : *a) {
        if (const auto* s = n.as_string())
            out.push_back(s->get());
        else {
            f.diags().error("input.type", position(f.file(), n.source()), "'" + std::string(key) + "' holds strings");
            return std::nullopt;
        }
    }
    if (count && out.size() != count) {
        f.diags().error(
            "translations.date", f.value_pos(key),
            "'" + std::string(key) + "' has " + std::to_string(out.size()) + " names, not " + std::to_string(count));
        return std::nullopt;
    }
    return out;
}

std::optional<DateForm> read_date(const toml::table& t, const std::string& path, Diagnostics& diags) {
    TomlFields f(t, path, "[date]", diags);
    f.warn_unknown(kDateKeys);
    DateForm form;
    const auto format = f.string("format", Requirement::Required);
    const auto months = strings(f, "months", 12);
    const auto regions = strings(f, "regions", 0);
    if (!format || !months || !regions) return std::nullopt;
    form.format = *format;
    form.other_regions = f.string("other_regions", Requirement::Optional).value_or("");
    form.months = *months;
    form.regions = *regions;
    if (!check_form(f, "format", form.format, !form.months.empty())) return std::nullopt;
    if (!form.other_regions.empty() && !check_form(f, "other_regions", form.other_regions, !form.months.empty()))
        return std::nullopt;
    return form;
}

}  // namespace

bool Translations::add(const std::string& text, const std::string& path, Diagnostics& diags) {
    const auto table = parse_toml(text, path, diags);
    if (!table) return false;
    const std::size_t errors = diags.error_count();
    TomlFields f(*table, path, "", diags);
    f.warn_unknown(kKeys);
    Words w;
    Labels& l = w.labels;
    std::string* const fields[] = {&l.questions, &l.call,        &l.page,    &l.reviewed,      &l.qr_code,
                                   &l.version,   &l.next_review, &l.sources, &l.language_help, &l.notes};
    for (std::size_t k = 0; k < std::size(fields); ++k) {
        const std::string_view key = *(kKeys.begin() + k);
        if (auto v = f.string(key, Requirement::Required)) *fields[k] = *v;
    }
    if (const auto* date = f.table("date", Requirement::Optional)) w.date = read_date(*date, path, diags);
    if (diags.error_count() != errors) return false;
    if (l.page.find("{n}") == std::string::npos || l.page.find("{m}") == std::string::npos) {
        diags.error("translations.page", f.value_pos("page"), "the page label must hold {n} and {m}",
                    "write it as the language says \"Page 2 of 3\": \"Page {n} of {m}\"");
        return false;
    }
    w.own = true;
    w.file = path;
    by_key_[fs::path(path).stem().string()] = std::move(w);
    return true;
}

Translations Translations::load(const std::string& dir, Diagnostics& diags) {
    Translations t;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".toml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        if (const auto text = read_text_file(file.string(), diags, limits::kSettingsBytes))
            t.add(*text, file.string(), diags);
    if (!t.by_key_.count("en"))
        diags.error(
            "translations.missing", {dir, 0, 0}, "no English translation file en.toml in " + dir,
            "leafpress prints English labels for a language without a file of its own; reinstall its data folder");
    return t;
}

bool Translations::has(const Language& language) const { return by_key_.count(key_of(language)) > 0; }

Words Translations::words_for(const Language& language) const {
    if (auto it = by_key_.find(key_of(language)); it != by_key_.end()) {
        Words w = it->second;
        w.language = language;
        return w;
    }
    Words w;
    if (auto en = by_key_.find("en"); en != by_key_.end()) {
        w.labels = en->second.labels;
        w.file = en->second.file;
    }
    w.language = Language::parse("en");
    return w;
}

}  // namespace leafpress
