#include "cli/build_cache.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <toml++/toml.h>
#include <xxhash.h>

#include "cli/output.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "check/check.hpp"
#include "content/load_content.hpp"
#include "style/brand.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

std::string hex64(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::uint64_t from_hex(const std::string& s) { return s.empty() ? 0 : std::stoull(s, nullptr, 16); }

std::string iso_or_empty(const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); }

std::optional<Date> date_from(const std::string& iso) {
    Date d;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3) return std::nullopt;
    return d;
}

}  // namespace

std::optional<std::string> logo_file(const std::string& brand) {
    try {
        const auto t = toml::parse(read_regular_file(brand, limits::kSettingsBytes).bytes.value_or(""), brand);
        // (A logo outside the brand's folder fails the build; it is never read, not even here.)
        if (auto logo = t["logo"].value<std::string>();
            logo && path_inside(fs::path(brand).parent_path().string(), *logo).problem.empty())
            return (fs::path(brand).parent_path() / *logo).string();
    } catch (const toml::parse_error&) {
        // A broken brand file fails the build, with its findings.
    }
    return std::nullopt;
}

std::vector<std::string> content_inputs(const std::string& path, const std::string& brand_file) {
    std::vector<std::string> files{path};
    Diagnostics ignored;  // a broken content file fails its build, with its findings
    const std::string text = read_regular_file(path, limits::kContentBytes).bytes.value_or("");
    if (const auto doc = load_content_text(text, path, ignored, ImageLoading::Locate))
        for (const auto& file : figure_files(*doc)) files.push_back(file);
    if (auto brand = brand_file.empty() ? find_brand_file(path) : std::optional<std::string>(brand_file)) {
        files.push_back(*brand);
        if (auto logo = logo_file(*brand)) files.push_back(*logo);
    }
    return files;
}

namespace {

Diagnostic finding_from(const toml::table& f) {
    Diagnostic d;
    d.severity = f["severity"].value_or(std::string()) == "error" ? Severity::Error : Severity::Warning;
    d.code = f["code"].value_or(std::string());
    d.where = {f["file"].value_or(std::string()), static_cast<int>(f["line"].value_or(0)),
               static_cast<int>(f["column"].value_or(0))};
    d.message = f["message"].value_or(std::string());
    d.hint = f["hint"].value_or(std::string());
    return d;
}

toml::table finding_table(const Diagnostic& d) {
    return toml::table{{"severity", d.severity == Severity::Error ? "error" : "warning"},
                       {"code", d.code},
                       {"file", d.where.file},
                       {"line", d.where.line},
                       {"column", d.where.column},
                       {"message", d.message},
                       {"hint", d.hint}};
}

BuildCache::Entry entry_from(const toml::table& o) {
    BuildCache::Entry e;
    e.run = from_hex(o["run"].value_or(std::string()));
    e.brand = o["brand"].value_or(std::string());
    e.review = {date_from(o["reviewed"].value_or(std::string())), date_from(o["next_review"].value_or(std::string())),
                static_cast<ReviewState>(o["review_state"].value_or(0))};
    e.pages = static_cast<int>(o["pages"].value_or(0));
    e.bytes = static_cast<std::size_t>(o["bytes"].value_or(0));
    e.output = from_hex(o["output"].value_or(std::string()));
    if (const auto* findings = o["finding"].as_array())
        for (const auto& node : *findings)
            if (const auto* f = node.as_table()) e.findings.push_back(finding_from(*f));
    if (const auto* reads = o["read"].as_array())
        for (const auto& node : *reads)
            if (const auto* r = node.as_table())
                e.reads.push_back({(*r)["path"].value_or(std::string()),
                                   static_cast<std::uint64_t>((*r)["size"].value_or(std::int64_t{-1})),
                                   (*r)["mtime"].value_or(std::int64_t{0}),
                                   from_hex((*r)["hash"].value_or(std::string()))});
    return e;
}

toml::table entry_table(const std::string& path, const BuildCache::Entry& e) {
    toml::table o{{"path", path},
                  {"run", hex64(e.run)},
                  {"brand", e.brand},
                  {"reviewed", iso_or_empty(e.review.reviewed)},
                  {"next_review", iso_or_empty(e.review.next_review)},
                  {"review_state", static_cast<int>(e.review.state)},
                  {"pages", e.pages},
                  {"bytes", static_cast<std::int64_t>(e.bytes)},
                  {"output", hex64(e.output)}};
    toml::array findings;
    for (const auto& d : e.findings) findings.push_back(finding_table(d));
    o.insert("finding", std::move(findings));
    toml::array reads;
    for (const auto& r : e.reads)
        reads.push_back(toml::table{{"path", r.path},
                                    {"size", static_cast<std::int64_t>(r.size)},
                                    {"mtime", r.mtime},
                                    {"hash", hex64(r.hash)}});
    o.insert("read", std::move(reads));
    return o;
}

}  // namespace

BuildCache::BuildCache(std::string path) : path_(std::move(path)) {
    const auto text = read_regular_file(path_, 64 * 1024 * 1024).bytes;
    if (!text) return;
    try {
        const auto t = toml::parse(*text, path_);
        if (t["version"].value_or(std::string()) != LEAFPRESS_VERSION) return;
        if (const auto* outputs = t["output"].as_array())
            for (const auto& node : *outputs)
                if (const auto* o = node.as_table(); o && !(*o)["path"].value_or(std::string()).empty())
                    entries_[(*o)["path"].value_or(std::string())] = entry_from(*o);
    } catch (const std::exception&) {
        entries_.clear();  // an unreadable record means everything is built again
    }
}

bool BuildCache::unchanged(const FileStamp& read) const {
    const auto now = stamp_file(read.path);
    if (!now || now->size != read.size) return false;
    auto [it, added] = hashed_.try_emplace(read.path);
    if (added) it->second = hash_file(read.path);
    return it->second == read.hash;
}

std::optional<BuildCache::Entry> BuildCache::lookup(const std::string& output, const Now& now) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(output);
    if (it == entries_.end()) return std::nullopt;
    const Entry& e = it->second;
    if (e.run != now.run || e.brand != now.brand || !e.review.holds(now.today) || e.reads.empty()) return std::nullopt;
    for (const auto& read : e.reads)
        if (!unchanged(read)) return std::nullopt;
    const FileRead file = read_regular_file(output, e.bytes);
    if (!file.bytes || file.bytes->size() != e.bytes || hash_bytes(*file.bytes) != e.output) return std::nullopt;
    return e;
}

void BuildCache::store(const std::string& output, Entry entry) {
    std::lock_guard lock(mutex_);
    entries_[output] = std::move(entry);
}

bool BuildCache::has(const std::string& output) const {
    std::lock_guard lock(mutex_);
    return entries_.contains(output);
}

void BuildCache::forget(const std::string& output) {
    std::lock_guard lock(mutex_);
    entries_.erase(output);
}

void BuildCache::save() const {
    std::lock_guard lock(mutex_);
    toml::table root;
    root.insert("version", LEAFPRESS_VERSION);
    toml::array outputs;
    for (const auto& [path, e] : entries_) outputs.push_back(entry_table(path, e));
    root.insert("output", std::move(outputs));
    std::ostringstream s;
    s << "# leafpress's record of what it built here; delete it to build everything again.\n" << root << "\n";
    const std::string text = s.str();
    Diagnostics ignored;  // a record that cannot be written only costs a rebuild next time
    write_atomically(path_, std::vector<std::uint8_t>(text.begin(), text.end()), ignored);
}

}  // namespace leafpress
