// Incremental batch builds. A leaflet is not built again while everything its last build
// depended on is as it was then: every file that build read (`BuildResult::inputs`), by the
// XXH3 hash of its bytes; the engine's resources and the run's settings (RunKey); the brand file
// it was built with; and how its review stands today. Nothing is guessed again from the content
// or the brand: the record holds what the build itself reported. It lives next to the outputs,
// in OUTDIR/.leafpress-cache.toml.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/check.hpp"
#include "cli/commands.hpp"
#include "core/build_id.hpp"
#include "core/diagnostics.hpp"

namespace leafpress {

// XXH3 (64 bits) of bytes, and of a file's bytes read a block at a time (nullopt: it cannot be read).
std::uint64_t hash_bytes(std::string_view bytes);
std::optional<std::uint64_t> hash_file(const std::string& path);

// What every leaflet of a run depends on besides the files its build reads: the leafpress that
// builds (its version and build id: a record made by another is not trusted), the PDF's date,
// strictness and medium, and the engine's resources: the fonts folder's fonts (by their bytes),
// the system's font folders and the hyphenation patterns installed (by their listing).
class RunKey {
public:
    RunKey(const Engine& engine, const RunSettings& settings, const std::string& engine_id = executable_build_id());
    [[nodiscard]] std::uint64_t value() const { return value_; }

private:
    std::uint64_t value_ = 0;
};

// How a leaflet's review stood on the day it was built: its dates as the build loaded them, and
// their state that day. A new day rebuilds nothing unless the state changes (a review falls due).
struct ReviewStamp {
    std::optional<Date> reviewed, next_review;
    ReviewState state = ReviewState::Missing;
    [[nodiscard]] bool holds(Date today) const { return review_state(reviewed, next_review, today) == state; }
};
ReviewStamp review_stamp(const std::optional<Date>& reviewed, const std::optional<Date>& next_review, Date today);

// A file as a build read it: its size and modification time, and the hash of its bytes.
struct FileStamp {
    std::string path;
    std::uint64_t size = 0;
    std::int64_t mtime = 0;  // nanoseconds since 1970
    std::uint64_t hash = 0;  // hash_file
    bool operator==(const FileStamp&) const = default;
};
// The size and time of a file now (hash 0); nullopt when it is not there (or is not a regular file).
std::optional<FileStamp> stamp_file(const std::string& path);
// Now, by the clock file systems stamp files with (the kernel's coarse real-time clock, which
// can lag the precise one by a tick): a file written after this moment has a later stamp.
std::int64_t file_clock_now();
// The stamps and hashes of every file a build read, taken after it; nullopt when one was changed
// between `started` (file_clock_now() before the build) and the end of its hashing: such a build
// is not recorded, and is built again next time. A time after that (a file from an archive, or a
// clock set wrong) was not written during the build and is recorded as it is.
std::optional<std::vector<FileStamp>> stamp_reads(const std::vector<std::string>& paths, std::int64_t started);

class BuildCache {
public:
    struct Entry {
        std::uint64_t run = 0;  // RunKey of the run that built it
        std::string brand;      // the brand file it was built with, as given or found
        ReviewStamp review;
        std::vector<FileStamp> reads;  // every file the build read (`BuildResult::inputs`), as it was
        int pages = 0;
        std::size_t bytes = 0;
        std::uint64_t output = 0;  // hash of the PDF as written: a changed or damaged file is rebuilt
        std::vector<Diagnostic> findings;
    };
    // What a leaflet would be built with now.
    struct Now {
        std::uint64_t run = 0;
        std::string brand;  // the brand file, as given or found now: a nearer brand.toml is another input
        Date today;
    };

    // Reads the record at `path`; a missing or unreadable one is an empty record.
    explicit BuildCache(std::string path);
    // The record of `output` when it was built as it would be now, every file its build read is
    // as it was then, and the file on disk is still the one written then. Thread-safe; a file's
    // hash is worked out once for all the outputs that read it.
    std::optional<Entry> lookup(const std::string& output, const Now& now) const;
    void store(const std::string& output, Entry entry);
    void forget(const std::string& output);
    // Whether there is a record of `output` at all.
    [[nodiscard]] bool has(const std::string& output) const;
    void save() const;

private:
    [[nodiscard]] bool unchanged(const FileStamp& read) const;  // with mutex_ held

    std::string path_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry> entries_;
    mutable std::map<std::string, std::optional<std::uint64_t>> hashed_;  // file → its hash, as looked up
};

// The files a leaflet's build reads that its content and brand name: the content file, its
// figures' pictures, the brand file (`brand`, or the content's nearest) and its logo. For
// checking a batch's plan before anything is built (no output may replace one); the cache keeps
// what each build actually read.
std::vector<std::string> content_inputs(const std::string& path, const std::string& brand = {});
// The logo a brand file names, as a path; nullopt when it names none (or does not load).
std::optional<std::string> logo_file(const std::string& brand);

}  // namespace leafpress
