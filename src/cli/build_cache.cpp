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

#include "cli/output.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "check/check.hpp"
#include "content/load_content.hpp"
#include "style/brand.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

std::string read_all(const std::string& path) { return read_file(path).value_or(std::string()); }

std::uint64_t mix_file(std::uint64_t h, const std::string& path) {
    h = fnv1a(path, h);
    return fnv1a(read_all(path), h);
}

std::string hex64(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

}  // namespace

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h) {
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    return h;
}

InputHasher::InputHasher(const Engine& engine, const RunSettings& s, const std::string& engine_id) {
    std::uint64_t h = fnv1a(LEAFPRESS_VERSION);
    h = fnv1a(engine_id, h);
    h = fnv1a(s.source_date + "|" + (s.warnings == WarningPolicy::Fail ? "strict" : "") + "|" +
                  (s.output == Output::Print ? "print" : ""), h);
    today_ = s.today;
    std::vector<std::string> fonts;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(engine.paths().fonts_dir, ec))
        if (e.is_regular_file(ec)) fonts.push_back(e.path().string());
    std::sort(fonts.begin(), fonts.end());
    // The fonts by size and time, not by their bytes: megabytes read again for every batch
    // were most of a batch with nothing to do.
    for (const auto& f : fonts) {
        const auto size = fs::file_size(f, ec);
        const auto t = fs::last_write_time(f, ec);
        h = fnv1a(f + "@" + std::to_string(size) + "@" + std::to_string(t.time_since_epoch().count()), h);
    }
    // The system's fonts, which fill in scripts the folder lacks: a package that adds, removes
    // or replaces fonts changes its folder's time, and that rebuilds every leaflet.
    for (const char* root : {"/usr/share/fonts", "/usr/local/share/fonts"}) {
        std::vector<std::string> stamps;
        for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (!it->is_directory(ec)) continue;
            const auto t = fs::last_write_time(it->path(), ec);
            if (!ec) stamps.push_back(it->path().string() + "@" + std::to_string(t.time_since_epoch().count()));
        }
        ec.clear();
        std::sort(stamps.begin(), stamps.end());
        for (const auto& s : stamps) h = fnv1a(s, h);
    }
    base_ = h;
}

ContentFacts InputHasher::content(const std::string& path, const std::string& brand_file) const {
    const std::string text = read_regular_file(path, limits::kContentBytes).bytes.value_or("");
    // One load, without decoding pictures, gives the review dates, the language and the figures.
    Diagnostics ignored;  // a broken content file fails the build; its bytes are already in the hash
    const auto doc = load_content_text(text, path, ignored, ImageLoading::Locate);
    ContentFacts facts;
    std::uint64_t h = fnv1a(text, fnv1a(path, base_));
    const std::optional<Date> reviewed = doc ? doc->reviewed : std::nullopt;
    const std::optional<Date> next_review = doc ? doc->next_review : std::nullopt;
    if (doc) facts.language = doc->language.tag;
    h = fnv1a(std::to_string(static_cast<int>(review_state(reviewed, next_review, today_))), h);
    if (doc)
        for (const auto& file : figure_files(*doc)) h = mix_file(h, file);  // the pictures its figures show
    if (auto brand = brand_file.empty() ? find_brand_file(path) : std::optional<std::string>(brand_file)) {
        h = mix_file(h, *brand);
        if (auto logo = logo_file(*brand)) h = mix_file(h, *logo);
    }
    facts.hash = h;
    return facts;
}

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

std::uint64_t InputHasher::hash(const ContentFacts& content, const std::string& layout_path) const {
    return mix_file(content.hash, layout_path);
}

std::optional<FileStamp> stamp_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileStamp{path, static_cast<std::uint64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::int64_t file_clock_now() {
    timespec t{};
    ::clock_gettime(CLOCK_REALTIME_COARSE, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

std::optional<std::vector<FileStamp>> stamp_reads(const std::vector<std::string>& paths, std::int64_t started,
                                                  std::int64_t finished) {
    std::vector<FileStamp> stamps;
    for (const auto& path : paths) {
        if (path.empty()) continue;
        auto stamp = stamp_file(path);
        // A file read that is gone or changed since the build began: what the build saw is unknown.
        if (!stamp || (stamp->mtime > started && stamp->mtime <= finished)) return std::nullopt;
        stamps.push_back(std::move(*stamp));
    }
    return stamps;
}

BuildCache::BuildCache(std::string path) : path_(std::move(path)) {
    const auto text = read_regular_file(path_, 64 * 1024 * 1024).bytes;
    if (!text) return;
    try {
        const auto t = toml::parse(*text, path_);
        if (t["version"].value_or(std::string()) != LEAFPRESS_VERSION) return;
        if (const auto* outputs = t["output"].as_array()) {
            for (const auto& node : *outputs) {
                const auto* o = node.as_table();
                if (!o) continue;
                Entry e;
                const std::string output = (*o)["path"].value_or(std::string());
                e.inputs = std::stoull((*o)["inputs"].value_or(std::string("0")), nullptr, 16);
                e.pages = static_cast<int>((*o)["pages"].value_or(0));
                e.bytes = static_cast<std::size_t>((*o)["bytes"].value_or(0));
                e.output = std::stoull((*o)["output"].value_or(std::string("0")), nullptr, 16);
                if (const auto* fs_ = (*o)["finding"].as_array()) {
                    for (const auto& fn : *fs_) {
                        const auto* f = fn.as_table();
                        if (!f) continue;
                        Diagnostic d;
                        d.severity = (*f)["severity"].value_or(std::string()) == "error" ? Severity::Error : Severity::Warning;
                        d.code = (*f)["code"].value_or(std::string());
                        d.where = {(*f)["file"].value_or(std::string()), static_cast<int>((*f)["line"].value_or(0)),
                                   static_cast<int>((*f)["column"].value_or(0))};
                        d.message = (*f)["message"].value_or(std::string());
                        d.hint = (*f)["hint"].value_or(std::string());
                        e.findings.push_back(std::move(d));
                    }
                }
                if (const auto* reads = (*o)["read"].as_array()) {
                    for (const auto& rn : *reads) {
                        const auto* r = rn.as_table();
                        if (!r) continue;
                        e.reads.push_back({(*r)["path"].value_or(std::string()),
                                           static_cast<std::uint64_t>((*r)["size"].value_or(std::int64_t{-1})),
                                           (*r)["mtime"].value_or(std::int64_t{0})});
                    }
                }
                if (!output.empty()) entries_[output] = std::move(e);
            }
        }
    } catch (const std::exception&) {
        entries_.clear();  // an unreadable record means everything is built again
    }
}

std::optional<BuildCache::Entry> BuildCache::lookup(const std::string& output, std::uint64_t inputs) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(output);
    if (it == entries_.end() || it->second.inputs != inputs) return std::nullopt;
    for (const auto& read : it->second.reads)
        if (stamp_file(read.path) != read) return std::nullopt;
    const FileRead file = read_regular_file(output, it->second.bytes);
    if (!file.bytes || file.bytes->size() != it->second.bytes || fnv1a(*file.bytes) != it->second.output)
        return std::nullopt;
    return it->second;
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
    for (const auto& [path, e] : entries_) {
        toml::table o;
        o.insert("path", path);
        o.insert("inputs", hex64(e.inputs));
        o.insert("pages", e.pages);
        o.insert("bytes", static_cast<std::int64_t>(e.bytes));
        o.insert("output", hex64(e.output));
        toml::array findings;
        for (const auto& d : e.findings) {
            toml::table f;
            f.insert("severity", d.severity == Severity::Error ? "error" : "warning");
            f.insert("code", d.code);
            f.insert("file", d.where.file);
            f.insert("line", d.where.line);
            f.insert("column", d.where.column);
            f.insert("message", d.message);
            f.insert("hint", d.hint);
            findings.push_back(std::move(f));
        }
        o.insert("finding", std::move(findings));
        toml::array reads;
        for (const auto& r : e.reads) {
            toml::table t;
            t.insert("path", r.path);
            t.insert("size", static_cast<std::int64_t>(r.size));
            t.insert("mtime", r.mtime);
            reads.push_back(std::move(t));
        }
        o.insert("read", std::move(reads));
        outputs.push_back(std::move(o));
    }
    root.insert("output", std::move(outputs));
    std::ostringstream s;
    s << "# leafpress's record of what it built here; delete it to build everything again.\n" << root << "\n";
    const std::string text = s.str();
    Diagnostics ignored;  // a record that cannot be written only costs a rebuild next time
    write_atomically(path_, std::vector<std::uint8_t>(text.begin(), text.end()), ignored);
}

}  // namespace leafpress
