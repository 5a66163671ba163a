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
#include "core/diagnostics.hpp"

namespace leafpress {

// Hashes everything an output depends on: the content file, its brand file and logo, the
// layout file, the fonts, the leafpress version and the run's dates and strictness.
class InputHasher {
public:
    InputHasher(const Engine& engine, const RunSettings& settings);
    [[nodiscard]] std::uint64_t hash(const std::string& content, const std::string& layout_path) const;

private:
    std::uint64_t base_ = 0;  // version, settings and fonts
};

class BuildCache {
public:
    struct Entry {
        std::uint64_t inputs = 0;
        int pages = 0;
        std::size_t bytes = 0;
        std::vector<Diagnostic> findings;
    };

    // Reads the record at `path`; a missing or unreadable one is an empty record.
    explicit BuildCache(std::string path);
    // Thread-safe.
    std::optional<Entry> lookup(const std::string& output, std::uint64_t inputs) const;
    void store(const std::string& output, Entry entry);
    void forget(const std::string& output);
    void save() const;

private:
    std::string path_;
    mutable std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 1469598103934665603ULL);

}  // namespace leafpress
