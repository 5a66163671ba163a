// The steps of `leafpress batch` (run_batch in batch.cpp): plan the jobs and check every file
// they write (plan_batch.cpp), build or take from the record what is up to date (batch.cpp), and
// report: the summary table, the findings and the JSON report (report_batch.cpp).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/contact_sheet.hpp"
#include "cli/output_plan.hpp"
#include "cli/workers.hpp"

namespace leafpress {

// What a batch will do: one job per site, content file and layout, and the files it reads and writes.
struct BatchPlan {
    std::vector<Site> sites;
    std::vector<Job> jobs;
    std::vector<std::string> reads;  // every file the batch reads: no output may be one of them
    // What the batch writes besides the leaflets, each with its kind.
    std::string sheet_path, cache_path, thumbnails_path;
    std::vector<PlannedOutput> own;
};

// The plan, with the brand each job is built with named; nullopt (said on stderr) when a site cannot be.
std::optional<BatchPlan> plan_batch(const BatchOptions& options, const Engine& engine);
// Every output of the plan (its leaflets, then its own files) with every file it reads, for check_outputs.
OutputPlan batch_outputs(const BatchPlan& plan);
// Every file the plan writes, checked before anything is built: two outputs that would be the
// same file, an output that is one of the inputs, a symlink, folder or device in an output's
// place, a site's folder that leads out of OUTDIR. Each is a located error; true when there is none.
bool check_plan(const BatchPlan& plan, const std::string& out_dir);
// The folders the plan writes into, made and tried before anything is built: a read-only or
// full disk is said once, not once a leaflet. False (said) when one cannot be written.
bool make_folders(const BatchPlan& plan, const BatchOptions& options);

// The report as JSON text; names that are not valid UTF-8 are written with U+FFFD in place.
std::string json_report(const std::vector<Job>& jobs);
// Writes the report to `path` (checked against `reads` first); false when it cannot be, with `diags` saying why.
bool write_report(const std::string& path, const std::vector<Job>& jobs, const std::vector<std::string>& reads,
                  Diagnostics& diags);
// Each job's findings on stderr, in job order, each content's brand named once.
void print_findings(const std::vector<Job>& jobs);
// The table of leaflets on stdout, and the summary line; the number of jobs that failed.
int print_summary(const std::vector<Job>& jobs, const std::vector<Site>& sites, double seconds, std::size_t workers);

}  // namespace leafpress
