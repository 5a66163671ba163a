// leafpress batch: every content file × every layout, in parallel, incrementally, with a
// summary and an optional JSON report. The steps: plan (plan_batch.cpp), build what is not up
// to date while recording what is done (here), put the contact sheet together, and report
// (report_batch.cpp).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/batch.hpp"
#include "cli/build_cache.hpp"
#include "cli/kept_thumbnails.hpp"
#include "cli/output.hpp"
#include "cli/output_plan.hpp"
#include "cli/progress.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

// What the batch has of its leaflets while it runs: the record, and the thumbnails kept by the
// last batch (read when the first leaflet is found up to date).
struct Record {
    BuildCache cache;
    BuildCache::Now now;
    std::string thumbnails_path;
    std::optional<KeptThumbnails> kept;
};

// Whether a job is up to date, taking what it was from the record if so: its PDF as recorded,
// and its thumbnails as kept (never as the last contact sheet shows them: that is an output,
// and anyone may have edited it).
bool take_up_to_date(Job& j, Record& record) {
    const auto hit = record.cache.lookup(j.output, {record.now.run, j.brand_used, record.now.today});
    if (!hit) return false;
    if (!record.kept) record.kept.emplace(record.thumbnails_path);
    auto svg = record.kept->take(j, hit->output);
    if (!svg) return false;
    j.svg = std::move(*svg);
    j.thumbnail_count = count_thumbnails(j.svg);
    j.pdf_hash = hit->output;
    j.status = Status::UpToDate;
    j.pages = hit->pages;
    j.bytes = hit->bytes;
    j.findings = hit->findings;
    return true;
}

// How many jobs are built at once: -j, or one per core; never more than there are jobs.
std::size_t worker_count(const BatchOptions& o, std::size_t jobs) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::min<std::size_t>(o.jobs > 0 ? static_cast<std::size_t>(o.jobs) : cores, std::max<std::size_t>(1, jobs));
}

// Builds the jobs that are not up to date, each in a worker process, and records each as it
// finishes (a batch killed half-way keeps what it finished, and never trusts what it did not).
// The record and the report are written as jobs finish (at most once a second), each time
// after the PDFs they record are on the disk (workers write them without waiting for that).
void build_jobs(BatchPlan& plan, const BatchOptions& o, Engine& engine, const RunSettings& s, Record& record,
                std::size_t workers) {
    std::vector<Job>& jobs = plan.jobs;
    Progress progress(jobs.size(), 0, isatty(STDERR_FILENO) != 0 ? ProgressDisplay::Terminal : ProgressDisplay::Quiet);
    auto recorded = std::chrono::steady_clock::now();
    const auto save = [&] {
        if (sync_outputs(o.out_dir)) return;  // not on the disk: not recorded yet
        record.cache.save();
        Diagnostics ignored;  // the final write reports a report that cannot be written
        if (!o.report.empty()) write_report(o.report, jobs, plan.reads, ignored);
    };
    // The next job to build, as a worker asks for one. A job with a record is looked up when it
    // comes up (the files its last build read hashed then, while workers build those before it),
    // and passed over when it is up to date.
    std::size_t next = 0;
    const auto next_to_build = [&]() -> std::optional<std::size_t> {
        while (next < jobs.size()) {
            const std::size_t i = next++;
            if (o.rebuild != Rebuild::Changed || !record.cache.has(jobs[i].output)) return i;
            if (!take_up_to_date(jobs[i], record)) return i;
            progress.skip();
        }
        return std::nullopt;
    };
    run_workers(jobs, next_to_build, workers, std::chrono::milliseconds(static_cast<std::int64_t>(o.timeout * 1000)),
                engine, s, record.now.run, record.cache, [&](std::size_t i) {
                    progress.step(jobs[i].output);
                    if (const auto now = std::chrono::steady_clock::now();
                        now - recorded > std::chrono::milliseconds(1000)) {
                        save();
                        recorded = now;
                    }
                });
    progress.finish();
}

// The contact sheet, the record and the kept thumbnails, once the batch is done. The outputs
// go to the disk while the sheet is put together; the sheet is written once the PDFs it links
// to are there, and the record only when they are. Why the outputs could not be flushed, if so.
std::error_code finish_outputs(const BatchPlan& plan, const BatchOptions& o, const Record& record) {
    std::error_code unsynced;  // found by the thread that tried
    std::thread syncing([&] { unsynced = sync_outputs(o.out_dir); });
    const std::string sheet = contact_sheet(plan.jobs, plan.sites, o.out_dir);
    syncing.join();
    if (!unsynced) {
        record.cache.save();
        keep_thumbnails(plan.thumbnails_path, plan.jobs);
    }
    Diagnostics sheet_diags;
    if (!check_outputs(one_output(plan.sheet_path, OutputKind::ContactSheet, plan.reads), sheet_diags) ||
        !write_atomically(plan.sheet_path, std::vector<std::uint8_t>(sheet.begin(), sheet.end()), sheet_diags))
        report(sheet_diags);
    return unsynced;
}

}  // namespace

int run_batch(const BatchOptions& o, Engine& engine, const RunSettings& s) {
    auto plan = plan_batch(o, engine);
    if (!plan || !check_plan(*plan, o.out_dir) || !make_folders(*plan, o)) {
        std::cerr << "leafpress: nothing was built\n";
        return 1;
    }
    remove_stale_temporaries(o.out_dir);
    Record record{BuildCache(plan->cache_path), {RunKey(engine, s).value(), {}, s.today}, plan->thumbnails_path, {}};
    const std::size_t workers = worker_count(o, plan->jobs.size());
    const auto t0 = std::chrono::steady_clock::now();
    build_jobs(*plan, o, engine, s, record, workers);
    const std::error_code unsynced = finish_outputs(*plan, o, record);
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    print_findings(plan->jobs);
    const int failed = print_summary(plan->jobs, plan->sites, total, workers);
    if (Diagnostics d; !o.report.empty() && !write_report(o.report, plan->jobs, plan->reads, d)) {
        report(d);
        return 1;
    }
    if (unsynced) {
        Diagnostics d;
        d.error("output.write", {o.out_dir, 0, 0}, "cannot flush the written PDFs to the disk: " + unsynced.message(),
                "the build is not recorded; run the batch again");
        report(d);
        return 1;
    }
    return failed > 0 ? 1 : 0;
}

}  // namespace leafpress
