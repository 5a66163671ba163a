// The hashes and stamps the build record keeps: XXH3 of bytes and files, what a run's leaflets
// all depend on (RunKey), and the files a build read as it read them.
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <xxhash.h>

#include "cli/build_cache.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

std::string hex64(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// A running XXH3 hash, fed piece by piece.
class Hasher {
public:
    Hasher() : state_(XXH3_createState()) { XXH3_64bits_reset(state_); }
    ~Hasher() { XXH3_freeState(state_); }
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;
    // Each piece with its length: "ab" + "c" is not "a" + "bc".
    void add(std::string_view piece) {
        const std::uint64_t size = piece.size();
        XXH3_64bits_update(state_, &size, sizeof size);
        XXH3_64bits_update(state_, piece.data(), piece.size());
    }
    void add(std::uint64_t v) { XXH3_64bits_update(state_, &v, sizeof v); }
    [[nodiscard]] std::uint64_t digest() const { return XXH3_64bits_digest(state_); }

private:
    XXH3_state_t* state_;
};

// A folder's entries (recursively), each with its size and time, in order; `contents`: with
// the hash of each file's bytes too.
void add_folder(Hasher& h, const std::string& root, bool contents) {
    std::vector<std::string> lines;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto stamp = stamp_file(it->path().string());
        std::string line = it->path().string();
        if (stamp) line += "@" + std::to_string(stamp->size) + "@" + std::to_string(stamp->mtime);
        if (stamp && contents) line += "@" + hex64(hash_file(stamp->path).value_or(0));
        lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end());
    h.add(root);
    for (const auto& line : lines) h.add(line);
}

}  // namespace

std::uint64_t hash_bytes(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::optional<std::uint64_t> hash_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    std::vector<char> block(1 << 16);
    while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0)
        XXH3_64bits_update(state, block.data(), static_cast<std::size_t>(in.gcount()));
    const bool ok = in.eof() && !in.bad();
    const std::uint64_t h = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    if (!ok) return std::nullopt;
    return h;
}

RunKey::RunKey(const Engine& engine, const RunSettings& s, const std::string& engine_id) {
    Hasher h;
    h.add(LEAFPRESS_VERSION);
    h.add(engine_id);
    h.add(s.source_date);
    h.add(s.warnings == WarningPolicy::Fail ? "strict" : "");
    h.add(s.output == Output::Print ? "print" : "");
    // The fonts folder's fonts by their bytes (a few megabytes, hashed in milliseconds).
    add_folder(h, engine.paths().fonts_dir, true);
    // The system's fonts, which fill in scripts the folder lacks, and the hyphenation patterns
    // there are, by their listing: a package that adds, removes or replaces one changes it, and
    // that rebuilds every leaflet (a build records the patterns it read, not the ones it missed).
    for (const std::string root : {"/usr/share/fonts", "/usr/local/share/fonts"}) add_folder(h, root, false);
    add_folder(h, engine.paths().hyphen_dir, false);
    // The translation files by their bytes: a leaflet records the file it read, but a new file
    // for its language (it read English's before) is a change only the listing shows.
    add_folder(h, engine.paths().translations_dir, true);
    value_ = h.digest();
}

ReviewStamp review_stamp(const std::optional<Date>& reviewed, const std::optional<Date>& next_review, Date today) {
    return {reviewed, next_review, review_state(reviewed, next_review, today)};
}

std::optional<FileStamp> stamp_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileStamp{path, static_cast<std::uint64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec, 0};
}

std::int64_t file_clock_now() {
    timespec t{};
    ::clock_gettime(CLOCK_REALTIME_COARSE, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

std::optional<std::vector<FileStamp>> stamp_reads(const std::vector<std::string>& paths, std::int64_t started) {
    std::vector<FileStamp> stamps;
    for (const auto& path : paths) {
        if (path.empty()) continue;
        auto stamp = stamp_file(path);
        const auto hash = hash_file(path);
        if (!stamp || !hash) return std::nullopt;  // gone since the build read it: what it saw is unknown
        stamp->hash = *hash;
        stamps.push_back(std::move(*stamp));
    }
    // A file changed since the build began, before its hash was taken: what the build saw is unknown.
    const std::int64_t finished = file_clock_now();
    for (const auto& path : paths) {
        if (path.empty()) continue;
        const auto now = stamp_file(path);
        if (!now || (now->mtime >= started && now->mtime <= finished)) return std::nullopt;
    }
    return stamps;
}

}  // namespace leafpress
