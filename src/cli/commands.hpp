#pragma once
#include <string>
#include <vector>

#include "pipeline/build.hpp"

namespace leafpress {

// What every command shares: the dates and how warnings count.
struct RunSettings {
    std::string source_date;  // "YYYY-MM-DD" from SOURCE_DATE_EPOCH, or ""
    Date today;
    WarningPolicy warnings = WarningPolicy::Allow;
    Output output = Output::Screen;  // Print: --print
};

// The request to build one leaflet under a command's settings: the one place a BuildRequest is
// made. The caller sets what its output needs beyond a PDF (format, dpi, thumbnails).
BuildRequest request_for(const RunSettings& s, std::string content, std::string layout, std::string brand);

struct BuildOptions {
    std::string content;
    std::string output;  // empty: <content stem>.pdf in the current folder
    std::string layout = "a4";
    std::string brand;
};

enum class Rebuild { Changed, All };

struct BatchOptions {
    std::vector<std::string> inputs;  // folders or content files
    std::string out_dir = "out";
    std::vector<std::string> layouts;
    std::vector<std::string> brands;  // one site each; none: each leaflet's nearest brand.toml
    int jobs = 0;                     // 0: the number of cores
    std::string report;               // JSON report path; empty: none
    Rebuild rebuild = Rebuild::Changed;
    double timeout = 120;  // seconds one leaflet may take before its worker is stopped and it fails alone
};

struct CheckOptions {
    std::string content;
    std::string layout = "a4";
    std::string brand;
};

struct PreviewOptions {
    std::string content;
    std::string out_dir = ".";
    std::string layout = "a4";
    std::string brand;
    double dpi = 96;
};

struct WatchOptions {
    std::string content;
    std::string output;  // empty: <content stem>.pdf in the current folder
    std::string layout = "a4";
    std::string brand;
    int debounce_ms = 150;  // quiet time after the last change before rebuilding
    int max_builds = 0;     // > 0: stop after this many builds (for tests); 0: until interrupted
};

struct NewOptions {
    std::string path;
};

struct VerifyOptions {
    std::vector<std::string> files;      // PDFs, anyone's
    std::vector<std::string> standards;  // ua1, a2a, a2b, a2u, x4; none: what each file claims
    bool json = false;
};

// Each returns the process exit status (0 built, 1 a leaflet failed).
int run_build(const BuildOptions& options, Engine& engine, const RunSettings& settings);
int run_batch(const BatchOptions& options, Engine& engine, const RunSettings& settings);
int run_check(const CheckOptions& options, Engine& engine, const RunSettings& settings);
int run_preview(const PreviewOptions& options, Engine& engine, const RunSettings& settings);
int run_watch(const WatchOptions& options, Engine& engine, const RunSettings& settings);
int run_new(const NewOptions& options, const RunSettings& settings);
// 0 every file conforms, 1 findings, 2 a file could not be read or checked. `home` holds scripts/.
int run_verify(const VerifyOptions& options, const std::string& home);
// The checker's command line: the checker, then the options, then "--" and the files.
std::vector<std::string> verify_arguments(const VerifyOptions& options, const std::string& checker);

// Content files named by folders and files: a folder's *.toml, not recursively, without brand.toml,
// the project file leafpress.toml and hidden files (such as a batch's record, .leafpress-cache.toml).
std::vector<std::string> collect_content(const std::vector<std::string>& inputs);

// `inputs` and the files of the engine's fonts and translations folders: what an output must
// not replace.
std::vector<std::string> with_engine_files(std::vector<std::string> inputs, const Engine& engine);

// Diagnostics to stderr, one per line.
void report(const Diagnostics& d);
// "lupus.toml: note: brand: content/brand.toml (Cellebration Wellness)": which brand a build used.
std::string brand_note(const std::string& content, const std::string& brand_file, const std::string& brand_name);
std::string human_size(std::size_t bytes);

}  // namespace leafpress
