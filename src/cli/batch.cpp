// leafpress batch: every content file × every layout, in parallel, incrementally, with a
// summary and an optional JSON report.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli/build_cache.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

enum class Status { Built, UpToDate, Failed };

struct Job {
    std::string content;
    std::string layout;  // as given
    std::string layout_name;
    std::string output;
    std::uint64_t inputs = 0;  // hash of everything the output depends on
    // Results.
    Status status = Status::Failed;
    int pages = 0;
    std::size_t bytes = 0;
    double seconds = 0;
    std::vector<Diagnostic> findings;
};

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    return out + "\"";
}

const char* status_name(Status s) {
    switch (s) {
        case Status::Built: return "built";
        case Status::UpToDate: return "up-to-date";
        case Status::Failed: return "failed";
    }
    return "?";
}

std::string json_report(const std::vector<Job>& jobs) {
    std::ostringstream o;
    o << "{\n  \"leafpress\": " << json_string(LEAFPRESS_VERSION) << ",\n  \"outputs\": [";
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const Job& j = jobs[i];
        o << (i ? "," : "") << "\n    {\"content\": " << json_string(j.content) << ", \"layout\": "
          << json_string(j.layout_name) << ", \"output\": " << json_string(j.output) << ", \"status\": \""
          << status_name(j.status) << "\", \"pages\": " << j.pages << ", \"bytes\": " << j.bytes
          << ", \"seconds\": " << j.seconds << ",\n     \"findings\": [";
        for (std::size_t k = 0; k < j.findings.size(); ++k) {
            const Diagnostic& d = j.findings[k];
            o << (k ? "," : "") << "\n       {\"severity\": \"" << (d.severity == Severity::Error ? "error" : "warning")
              << "\", \"code\": " << json_string(d.code) << ", \"file\": " << json_string(d.where.file)
              << ", \"line\": " << d.where.line << ", \"column\": " << d.where.column
              << ", \"message\": " << json_string(d.message) << ", \"hint\": " << json_string(d.hint) << "}";
        }
        o << (j.findings.empty() ? "" : "\n     ") << "]}";
    }
    int built = 0, fresh = 0, failed = 0;
    for (const auto& j : jobs) (j.status == Status::Built ? built : j.status == Status::UpToDate ? fresh : failed)++;
    o << "\n  ],\n  \"built\": " << built << ",\n  \"up_to_date\": " << fresh << ",\n  \"failed\": " << failed
      << "\n}\n";
    return o.str();
}

void run_job(Job& job, Engine& engine, const RunSettings& s, BuildCache& cache, Rebuild rebuild) {
    const auto t0 = std::chrono::steady_clock::now();
    if (rebuild == Rebuild::Changed) {
        if (auto hit = cache.lookup(job.output, job.inputs); hit && fs::exists(job.output)) {
            job.status = Status::UpToDate;
            job.pages = hit->pages;
            job.bytes = hit->bytes;
            job.findings = hit->findings;
            return;
        }
    }
    BuildResult r = build_leaflet({job.content, job.layout, {}, s.source_date, s.today, s.warnings}, engine);
    if (!r.layout_name.empty()) job.layout_name = r.layout_name;
    if (r.pdf && !write_atomically(job.output, *r.pdf, r.diags)) r.pdf.reset();
    job.findings = r.diags.all();
    job.pages = r.pages;
    job.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r.pdf) {
        job.status = Status::Built;
        job.bytes = r.pdf->size();
        cache.store(job.output, {job.inputs, job.pages, job.bytes, job.findings});
    } else {
        job.status = Status::Failed;
        cache.forget(job.output);
    }
}

}  // namespace

int run_batch(const BatchOptions& o, Engine& engine, const RunSettings& s) {
    std::vector<std::string> inputs = o.inputs;
    if (inputs.empty()) inputs.push_back(fs::is_directory("content") ? "content" : ".");
    const auto files = collect_content(inputs);
    const std::vector<std::string> layouts = o.layouts.empty() ? std::vector<std::string>{"a4"} : o.layouts;
    std::error_code ec;
    fs::create_directories(o.out_dir, ec);
    if (ec) {
        std::cerr << o.out_dir << ": error: cannot create the output folder: " << ec.message() << '\n';
        return 1;
    }
    if (files.empty()) std::cerr << "leafpress: warning: no content files found\n";

    // Plan: one job per content file and layout, each with the hash of its inputs.
    const InputHasher hasher(engine, s);
    std::vector<Job> jobs;
    for (const auto& file : files) {
        for (const auto& layout : layouts) {
            Job j;
            j.content = file;
            j.layout = layout;
            j.layout_name = fs::path(resolve_layout_path(layout, engine.paths().layouts_dir)).stem().string();
            j.output = (fs::path(o.out_dir) / (fs::path(file).stem().string() + "-" + j.layout_name + ".pdf")).string();
            j.inputs = hasher.hash(file, resolve_layout_path(layout, engine.paths().layouts_dir));
            jobs.push_back(std::move(j));
        }
    }

    // Run: a pool of workers takes jobs in order; results stay in their slots.
    BuildCache cache((fs::path(o.out_dir) / ".leafpress-cache.toml").string());
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(o.jobs > 0 ? static_cast<std::size_t>(o.jobs) : cores,
                                                      std::max<std::size_t>(1, jobs.size()));
    const bool tty = isatty(STDERR_FILENO) != 0;
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex progress;
    const auto t0 = std::chrono::steady_clock::now();
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
            run_job(jobs[i], engine, s, cache, o.rebuild);
            const std::size_t n = done.fetch_add(1) + 1;
            if (tty) {
                std::lock_guard lock(progress);
                std::cerr << "\r\033[K[" << n << "/" << jobs.size() << "] " << jobs[i].output << std::flush;
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (tty) std::cerr << "\r\033[K";
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cache.save();

    // Findings in job order, then the summary.
    int built = 0, fresh = 0, failed = 0;
    for (const auto& j : jobs) {
        for (const auto& d : j.findings) std::cerr << format(d) << '\n';
        (j.status == Status::Built ? built : j.status == Status::UpToDate ? fresh : failed)++;
    }
    std::printf("%-34s %-12s %5s %8s %8s %7s  %s\n", "leaflet", "layout", "pages", "size", "warnings", "time", "");
    for (const auto& j : jobs) {
        const auto warnings = std::count_if(j.findings.begin(), j.findings.end(),
                                            [](const Diagnostic& d) { return d.severity == Severity::Warning; });
        char time[32];
        std::snprintf(time, sizeof time, "%.0f ms", j.seconds * 1000);
        std::printf("%-34s %-12s %5d %8s %8ld %7s  %s\n", fs::path(j.content).stem().string().c_str(),
                    j.layout_name.c_str(), j.pages, j.status == Status::Failed ? "-" : human_size(j.bytes).c_str(),
                    static_cast<long>(warnings), j.status == Status::UpToDate ? "-" : time,
                    j.status == Status::Failed ? "FAILED" : j.status == Status::UpToDate ? "up to date" : "");
    }
    std::printf("%zu leaflets: %d built, %d up to date, %d failed in %.2f s (%zu jobs in parallel)\n", jobs.size(),
                built, fresh, failed, total, workers);
    std::fflush(stdout);

    if (!o.report.empty()) {
        Diagnostics d;
        const std::string json = json_report(jobs);
        if (!write_atomically(o.report, std::vector<std::uint8_t>(json.begin(), json.end()), d)) {
            report(d);
            return 1;
        }
    }
    return failed > 0 ? 1 : 0;
}

}  // namespace leafpress
