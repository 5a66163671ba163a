// A batch's jobs, built by a pool of worker processes (one per parallel job), each building one
// leaflet at a time: a leaflet that crashes or runs out of memory fails alone, with a finding,
// its worker is replaced, and every other leaflet is built and recorded.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/build_cache.hpp"
#include "cli/commands.hpp"

namespace leafpress {

enum class Status { Pending, Built, UpToDate, Failed };  // Pending: not finished (yet)
const char* status_name(Status s);

struct Job {
    std::string content;
    std::string layout;       // as given
    std::string layout_path;  // as found
    std::string layout_name;
    std::string brand;                   // the site's brand file; empty: the content's nearest brand.toml
    std::string brand_used, brand_name;  // the brand file it is built with, and its clinic's name
    int site = 0;                        // index into the batch's sites
    std::string output;
    // Results.
    Status status = Status::Pending;
    int pages = 0;
    std::size_t bytes = 0;
    double seconds = 0;
    std::uint64_t pdf_hash = 0;  // the PDF's bytes, hashed as the build record keeps them
    // Its thumbnails, each printed side an <svg> element on a line of its own: drawn by its
    // worker, or, for a leaflet up to date, as kept by the last batch.
    std::string svg;
    int thumbnail_count = 0;
    std::vector<Diagnostic> findings;
};

nlohmann::json to_json(const Diagnostic& d);
Diagnostic diagnostic_from(const nlohmann::json& j);

// The thumbnails in a contact sheet: small enough for dozens on a screen, large enough to see
// each page's shape and colour.
constexpr double kThumbnailDpi = 18;

// A leaflet's thumbnails as one text, a side's <svg> a line; and how many sides a text holds.
std::string join_thumbnails(const std::vector<std::vector<std::uint8_t>>& sides);
int count_thumbnails(const std::string& svg);

// Builds jobs[i] for every i that `next` gives (it is asked when a worker has room for a job;
// nullopt: no more), at most `width` at once, recording each in `cache` and calling
// `on_finished(i)` in this process as each ends (with `run`, the RunKey of the batch). A job that
// takes longer than `timeout` fails alone (`internal.timeout`): its worker is stopped and another
// takes its place.
void run_workers(std::vector<Job>& jobs, const std::function<std::optional<std::size_t>()>& next, std::size_t width,
                 std::chrono::milliseconds timeout, Engine& engine, const RunSettings& settings, std::uint64_t run,
                 BuildCache& cache, const std::function<void(std::size_t)>& on_finished);

}  // namespace leafpress
