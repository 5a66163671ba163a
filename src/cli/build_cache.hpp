// Incremental batch builds: a leaflet whose inputs hash to what the last build recorded is
// not built again. The record lives next to the outputs, in OUTDIR/.leafpress-cache.toml.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/build_id.hpp"
#include "core/diagnostics.hpp"

namespace leafpress {

// Hashes everything an output depends on: the content file, its brand file and logo, the
// layout file, the fonts, the leafpress version, the PDF's date and strictness, and how the
// leaflet's review date stands today (not the day itself: a new day rebuilds nothing unless
// a review falls due).
// What a batch learns of a content file once, for all its layouts.
struct ContentFacts {
    std::uint64_t hash = 0;      // the content, its brand and logo, the settings, the review state
    std::string language = "en";  // for loading its hyphenation patterns before the workers start
};

// The files a leaflet's build reads that its content and brand name: the content file, its
// figures' pictures, the brand file (`brand`, or the content's nearest) and its logo.
std::vector<std::string> content_inputs(const std::string& path, const std::string& brand = {});
// The logo a brand file names, as a path; nullopt when it names none (or does not load).
std::optional<std::string> logo_file(const std::string& brand);

class InputHasher {
public:
    // `engine_id`: the leafpress that builds (its build id): a record made by another is not trusted.
    InputHasher(const Engine& engine, const RunSettings& settings, const std::string& engine_id = executable_build_id());
    // `brand`: the brand file every leaflet of a site is built with; empty: the content's nearest.
    [[nodiscard]] ContentFacts content(const std::string& path, const std::string& brand = {}) const;
    [[nodiscard]] std::uint64_t hash(const ContentFacts& content, const std::string& layout_path) const;

private:
    std::uint64_t base_ = 0;  // version, settings and fonts
    Date today_;
};

// A file as a build read it: its size and modification time, which change when it is replaced
// (a Debian package updating hyphenation patterns or a print profile) or edited.
struct FileStamp {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtime = 0;  // nanoseconds since 1970
    bool operator==(const FileStamp&) const = default;
};
// The stamp of a file now; nullopt when it is not there (or is not a regular file).
std::optional<FileStamp> stamp_file(const std::string& path);
// Now, by the clock file systems stamp files with (the kernel's coarse real-time clock, which
// can lag the precise one by a tick): a file written after this moment has a later stamp.
std::int64_t file_clock_now();
// The stamps of every file a build read, taken after it; nullopt when one was changed while it
// ran, between `started` and `finished` (file_clock_now() before and after the build): such a
// build is not recorded, and is built again next time. A time after `finished` (a file from an
// archive, or a clock set wrong) was not written during the build and is recorded as it is.
std::optional<std::vector<FileStamp>> stamp_reads(const std::vector<std::string>& paths, std::int64_t started,
                                                  std::int64_t finished);

class BuildCache {
public:
    struct Entry {
        std::uint64_t inputs = 0;
        int pages = 0;
        std::size_t bytes = 0;
        std::uint64_t output = 0;  // hash of the PDF as written: a changed or damaged file is rebuilt
        std::vector<Diagnostic> findings;
        // Every file the build read (`BuildResult::inputs`) as it was: the hash above covers what
        // can be known before a build (content, brand, logo, figures, layout, fonts, settings,
        // the leafpress that builds); these cover the rest (hyphenation patterns, print profile).
        std::vector<FileStamp> reads;
    };

    // Reads the record at `path`; a missing or unreadable one is an empty record.
    explicit BuildCache(std::string path);
    // The record of `output` when it was built from these inputs, every file its build read is as
    // it was then, and the file on disk is still the one written then. Thread-safe.
    std::optional<Entry> lookup(const std::string& output, std::uint64_t inputs) const;
    void store(const std::string& output, Entry entry);
    void forget(const std::string& output);
    // Whether there is a record of `output` at all.
    [[nodiscard]] bool has(const std::string& output) const;
    void save() const;

private:
    std::string path_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 1469598103934665603ULL);

}  // namespace leafpress
