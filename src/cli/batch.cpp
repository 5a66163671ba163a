// leafpress batch: every content file × every layout, in parallel, incrementally, with a
// summary and an optional JSON report.
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/build_cache.hpp"
#include "cli/contact_sheet.hpp"
#include "cli/kept_thumbnails.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "cli/progress.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/workers.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

// The report as JSON text; names that are not valid UTF-8 are written with U+FFFD in place.
std::string json_report(const std::vector<Job>& jobs) {
    nlohmann::json outputs = nlohmann::json::array();
    int built = 0, fresh = 0, failed = 0, pending = 0;
    for (const Job& j : jobs) {
        nlohmann::json findings = nlohmann::json::array();
        for (const auto& d : j.findings) findings.push_back(to_json(d));
        outputs.push_back({{"content", j.content},
                           {"layout", j.layout_name},
                           {"brand", j.brand_used},
                           {"brand_name", j.brand_name},
                           {"output", j.output},
                           {"status", status_name(j.status)},
                           {"pages", j.pages},
                           {"bytes", j.bytes},
                           {"seconds", j.seconds},
                           {"findings", std::move(findings)}});
        (j.status == Status::Built      ? built
         : j.status == Status::UpToDate ? fresh
         : j.status == Status::Failed   ? failed
                                        : pending)++;
    }
    // A batch still running (or killed) has jobs not finished yet: pending, not failed.
    const nlohmann::json report{{"leafpress", LEAFPRESS_VERSION}, {"outputs", std::move(outputs)}, {"built", built},
                                {"up_to_date", fresh}, {"failed", failed}, {"pending", pending}};
    return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// The content files less the batch reports among them (an earlier run's --report in/summary.toml):
// a JSON report of leafpress's is never a leaflet, and no TOML file starts with "{". Any other
// file at the report's path is content, and the report is refused for replacing it.
std::vector<std::string> without_reports(std::vector<std::string> files) {
    const auto report = [](const std::string& file) {
        char first = 0;
        if (std::ifstream in(file, std::ios::binary); !(in >> first) || first != '{') return false;  // skips spaces
        const auto text = read_regular_file(file, limits::kReportBytes).bytes;
        if (!text) return false;
        const auto json = nlohmann::json::parse(*text, nullptr, false);
        return json.is_object() && json.contains("leafpress") && json["leafpress"].is_string() &&
               json.contains("outputs") && json["outputs"].is_array();
    };
    std::erase_if(files, report);
    return files;
}

// Every file a batch writes, checked before anything is built: two outputs that would be the
// same file (two leaflets, or the report and the contact sheet), an output that is one of the
// inputs, a symlink, folder or device in an output's place, and a site's folder that leads out
// of OUTDIR through a symlink. Each is a located error; true when there is none.
bool check_plan(const std::vector<Job>& jobs, const std::vector<std::pair<std::string, std::string>>& own,
                const std::vector<std::string>& inputs, const std::string& out_dir, const std::vector<Site>& sites) {
    Diagnostics d;
    const InputFiles files(inputs);
    std::map<std::string, std::pair<std::string, bool>> seen;  // resolved path → (what it is, a leaflet)
    std::error_code ec;
    const auto key_of = [&](const std::string& path) {
        return fs::weakly_canonical(fs::absolute(path, ec), ec).lexically_normal().string();
    };
    const auto check = [&](const std::string& path, const std::string& what, bool leaflet, const std::string& hint) {
        const auto [it, added] = seen.try_emplace(key_of(path), what, leaflet);
        if (!added) {
            const auto& [other, other_leaflet] = it->second;
            const std::string message =
                leaflet && other_leaflet
                    ? "two leaflets would be written here: " + other + " and " + what
                    : std::string("two outputs would be written here: ") + (other_leaflet ? "the leaflet " : "") + other +
                          " and " + (leaflet ? "the leaflet " : "") + what;
            d.error("batch.collision", {path, 0, 0}, message, hint);
        } else if (const std::string* in = files.replaced_by(path)) {
            d.error("output.overwrites-input", {path, 0, 0}, (leaflet ? "the output" : what) + " would replace the input " + *in,
                    "give it a path of its own, away from the content, brand, logo, figure and layout files");
        } else {
            check_output_path(path, {}, d);
        }
    };
    for (const Job& j : jobs)
        check(j.output, j.content + " (layout " + j.layout + ")", true,
              "rename one of the content or layout files, or build them into separate output folders");
    for (const auto& [path, what] : own)
        check(path, what, false, "give the report a path of its own, outside the output folder's leaflets, index.html, "
                                 ".leafpress-cache.toml and .leafpress-thumbnails");
    // A site's folder that is a symlink out of OUTDIR would have its leaflets written elsewhere.
    const fs::path base = fs::weakly_canonical(fs::absolute(out_dir.empty() ? "." : out_dir, ec), ec);
    for (const Site& st : sites) {
        if (st.folder.empty()) continue;
        const fs::path folder = fs::path(out_dir) / st.folder;
        if (!fs::is_symlink(folder, ec)) continue;
        const fs::path target = fs::weakly_canonical(fs::absolute(folder, ec), ec);
        const auto rel = target.lexically_relative(base);
        if (rel.empty() || *rel.begin() == ".." || rel == ".")
            d.error("output.outside", {folder.string(), 0, 0},
                    "the site's folder is a symbolic link that leads out of the output folder (to " + target.string() +
                        "); leafpress writes only inside it",
                    "remove the link, or build into another output folder with -o");
    }
    report(d);
    return !d.has_errors();
}

// The folder a site's leaflets go to: its brand file's name (north.toml → north), or, for a
// file called brand.toml, its folder's (sites/north/brand.toml → north).
std::string site_folder(const std::string& brand) {
    const fs::path p(brand);
    std::string name = p.stem().string();
    if (name == "brand") {
        std::error_code ec;
        name = fs::absolute(p, ec).lexically_normal().parent_path().filename().string();
    }
    return name;
}

// The sites to build for: one per --brand, each in its own folder when there are several.
std::optional<std::vector<Site>> plan_sites(const std::vector<std::string>& brands) {
    std::vector<Site> sites;
    if (brands.empty()) return std::vector<Site>{Site{}};
    bool ok = true;
    std::map<std::string, std::string> folders;
    for (const auto& b : brands) {
        std::error_code ec;
        Site site;
        site.brand = b;
        if (!fs::is_regular_file(b, ec)) {
            std::cerr << terminal_safe(b) << ": error: no such brand file [brand.missing]\n";
            ok = false;
            continue;
        }
        Diagnostics ignored;  // a broken brand file fails each of its builds, with its findings
        if (auto brand = load_brand(b, ignored)) {
            site.name = brand->name;
            site.phone = brand->phone;
        }
        if (brands.size() > 1) {
            site.folder = site_folder(b);
            if (site.folder.empty() || site.folder == "." || site.folder == "..") {
                std::cerr << terminal_safe(b) << ": error: cannot name a site's folder after this brand file [batch.site]\n"
                          << "  hint: give the brand file a name of its own, such as north.toml\n";
                ok = false;
                continue;
            }
            const auto [it, added] = folders.emplace(site.folder, b);
            if (!added) {
                std::cerr << terminal_safe(b) << ": error: two brands would share the site folder '" << terminal_safe(site.folder)
                          << "' with "
                          << terminal_safe(it->second) << " [batch.site]\n  hint: name the brand files (or their folders) apart\n";
                ok = false;
                continue;
            }
        }
        sites.push_back(std::move(site));
    }
    if (!ok) return std::nullopt;
    return sites;
}

}  // namespace

int run_batch(const BatchOptions& o, Engine& engine, const RunSettings& s) {
    std::vector<std::string> inputs = o.inputs;
    if (inputs.empty()) inputs.push_back(fs::is_directory("content") ? "content" : ".");
    // What the batch writes besides the leaflets.
    const std::string sheet_path = (fs::path(o.out_dir) / "index.html").string();
    const std::string cache_path = (fs::path(o.out_dir) / ".leafpress-cache.toml").string();
    const std::string thumbnails_path = (fs::path(o.out_dir) / ".leafpress-thumbnails").string();
    std::vector<std::pair<std::string, std::string>> own{{sheet_path, "the contact sheet"},
                                                         {cache_path, "the build record"},
                                                         {thumbnails_path, "the kept thumbnails"}};
    if (!o.report.empty()) own.emplace_back(o.report, "the report");
    const auto files = without_reports(collect_content(inputs));
    // The layouts, each once: "a4" and "layouts/a4.toml" are the same file.
    std::vector<std::string> layouts;
    for (const auto& l : o.layouts.empty() ? std::vector<std::string>{"a4"} : o.layouts) {
        const std::string path = resolve_layout_path(l, engine.paths().layouts_dir);
        if (std::none_of(layouts.begin(), layouts.end(), [&](const std::string& k) {
                return same_file(resolve_layout_path(k, engine.paths().layouts_dir), path);
            }))
            layouts.push_back(l);
    }
    std::error_code ec;
    if (files.empty()) std::cerr << "leafpress: warning: no content files found\n";

    // Plan: one job per site, content file and layout.
    const auto sites = plan_sites(o.brands);
    if (!sites) {
        std::cerr << "leafpress: nothing was built\n";
        return 1;
    }
    std::vector<Job> jobs;
    for (std::size_t site = 0; site < sites->size(); ++site) {
        const Site& st = (*sites)[site];
        for (std::size_t f = 0; f < files.size(); ++f) {
            const std::string& file = files[f];
            for (const auto& layout : layouts) {
                Job j;
                j.content = file;
                j.layout = layout;
                j.brand = st.brand;
                j.site = static_cast<int>(site);
                j.layout_path = resolve_layout_path(layout, engine.paths().layouts_dir);
                j.layout_name = fs::path(j.layout_path).stem().string();
                const std::string name = fs::path(file).stem().string() + "-" + j.layout_name;
                j.output = (fs::path(o.out_dir) / st.folder / (name + ".pdf")).lexically_normal().string();
                jobs.push_back(std::move(j));
            }
        }
    }

    // The brand each leaflet is built with, named on stderr and in the report.
    std::map<std::string, std::string> clinic;  // brand file → its clinic's name
    for (Job& j : jobs) {
        j.brand_used = j.brand.empty() ? find_brand_file(j.content).value_or("") : j.brand;
        if (j.brand_used.empty()) continue;
        auto [it, added] = clinic.try_emplace(j.brand_used);
        if (added) {
            Diagnostics ignored;  // a broken brand fails its builds, with its findings
            if (auto b = load_brand(j.brand_used, ignored)) it->second = b->name;
        }
        j.brand_name = it->second;
    }

    // Every file the batch reads: contents, their figures, brands (given or found) and logos,
    // layouts and the fonts folder's fonts. No output may be one of them.
    std::vector<std::string> read;
    for (const Site& st : *sites)
        for (const auto& file : files)
            for (auto& in : content_inputs(file, st.brand)) read.push_back(std::move(in));
    for (const auto& layout : layouts) read.push_back(resolve_layout_path(layout, engine.paths().layouts_dir));
    for (const auto& b : o.brands) read.push_back(b);
    read = with_fonts(std::move(read), engine);
    if (!check_plan(jobs, own, read, o.out_dir, *sites)) {
        std::cerr << "leafpress: nothing was built\n";
        return 1;
    }
    // The folders written into, made and tried before anything is built: a read-only or full
    // disk is said once, not once a leaflet.
    std::set<std::string> folders{fs::path(o.out_dir).lexically_normal().string()};
    for (const Site& st : *sites)
        if (!st.folder.empty()) folders.insert((fs::path(o.out_dir) / st.folder).lexically_normal().string());
    if (!o.report.empty()) folders.insert(fs::path(o.report).parent_path().lexically_normal().string());
    for (const auto& folder : folders) {
        Diagnostics d;
        ec.clear();
        if (!folder.empty()) fs::create_directories(folder, ec);
        if (ec) d.error("output.write", {folder, 0, 0}, "cannot create this folder: " + ec.message(),
                        "choose an output folder you can write to with -o");
        if (ec || !check_writable(folder, d)) {
            report(d);
            std::cerr << "leafpress: nothing was built\n";
            return 1;
        }
    }
    remove_stale_temporaries(o.out_dir);

    // Leaflets whose inputs and output are as recorded are up to date; the rest are built, each
    // in a worker process, and recorded as each finishes (a batch killed half-way keeps what
    // it finished, and never trusts what it did not).
    BuildCache cache(cache_path);
    const RunKey run(engine, s);
    // Whether a job is up to date: its PDF as recorded, and its thumbnails as kept (never as the
    // last contact sheet shows them: that is an output, and anyone may have edited it).
    std::optional<KeptThumbnails> kept;
    const auto up_to_date = [&](Job& j) {
        const auto hit = cache.lookup(j.output, {run.value(), j.brand_used, s.today});
        if (!hit) return false;
        if (!kept) kept.emplace(thumbnails_path);
        auto svg = kept->take(j, hit->output);
        if (!svg) return false;
        j.svg = std::move(*svg);
        j.thumbnail_count = count_thumbnails(j.svg);
        j.pdf_hash = hit->output;
        j.status = Status::UpToDate;
        j.pages = hit->pages;
        j.bytes = hit->bytes;
        j.findings = hit->findings;
        return true;
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(o.jobs > 0 ? static_cast<std::size_t>(o.jobs) : cores,
                                                      std::max<std::size_t>(1, jobs.size()));
    Progress progress(jobs.size(), 0, isatty(STDERR_FILENO) != 0 ? ProgressDisplay::Terminal : ProgressDisplay::Quiet);
    const auto t0 = std::chrono::steady_clock::now();
    auto recorded = t0;
    // The cache and the report are written as jobs finish (at most once a second) and at the end,
    // each time after the PDFs it records are on the disk (workers write them without waiting for that).
    const auto record = [&] {
        if (sync_outputs(o.out_dir)) return;  // not on the disk: not recorded yet
        cache.save();
        if (!o.report.empty()) {
            Diagnostics ignored;  // the final write below reports a report that cannot be written
            const std::string json = json_report(jobs);
            if (check_output_path(o.report, read, ignored))
                write_atomically(o.report, std::vector<std::uint8_t>(json.begin(), json.end()), ignored);
        }
    };
    // The next job to build, as a worker asks for one. A job with a record is looked up when it
    // comes up (the files its last build read hashed then, while workers build those before it),
    // and passed over when it is up to date.
    std::size_t next = 0;
    const auto next_to_build = [&]() -> std::optional<std::size_t> {
        while (next < jobs.size()) {
            const std::size_t i = next++;
            if (o.rebuild != Rebuild::Changed || !cache.has(jobs[i].output)) return i;
            if (!up_to_date(jobs[i])) return i;
            progress.skip();
        }
        return std::nullopt;
    };
    run_workers(jobs, next_to_build, workers, std::chrono::milliseconds(static_cast<std::int64_t>(o.timeout * 1000)),
                engine, s, run.value(), cache, [&](std::size_t i) {
        progress.step(jobs[i].output);
        if (const auto now = std::chrono::steady_clock::now(); now - recorded > std::chrono::milliseconds(1000)) {
            record();
            recorded = now;
        }
    });
    progress.finish();
    // The outputs go to the disk while the contact sheet is put together; the sheet is written
    // once the PDFs it links to are there.
    std::error_code unsynced;  // why the outputs could not be flushed, found by the thread that tried
    std::thread syncing([&] { unsynced = sync_outputs(o.out_dir); });
    const std::string sheet = contact_sheet(jobs, *sites, o.out_dir);
    syncing.join();
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!unsynced) {
        cache.save();
        keep_thumbnails(thumbnails_path, jobs);
    }
    Diagnostics sheet_diags;
    if (!check_output_path(sheet_path, read, sheet_diags) ||
        !write_atomically(sheet_path, std::vector<std::uint8_t>(sheet.begin(), sheet.end()), sheet_diags))
        report(sheet_diags);

    // Findings in job order, then the summary.
    int built = 0, fresh = 0, failed = 0;
    std::set<std::pair<std::string, std::string>> noted;  // (content, brand): one note each
    for (const auto& j : jobs) {
        if (noted.emplace(j.content, j.brand_used).second) std::cerr << brand_note(j.content, j.brand_used, j.brand_name);
        for (const auto& line : shown_lines(j.findings)) std::cerr << line << '\n';
        (j.status == Status::Built ? built : j.status == Status::UpToDate ? fresh : failed)++;
    }
    std::printf("%-34s %-12s %5s %8s %8s %7s  %s\n", "leaflet", "layout", "pages", "size", "warnings", "time", "");
    for (const auto& j : jobs) {
        const auto warnings = std::count_if(j.findings.begin(), j.findings.end(),
                                            [](const Diagnostic& d) { return d.severity == Severity::Warning; });
        char time[32];
        std::snprintf(time, sizeof time, "%.0f ms", j.seconds * 1000);
        // With several sites, a leaflet is named with its site's folder: north/lupus.
        const std::string& folder = (*sites)[static_cast<std::size_t>(j.site)].folder;
        const std::string name = terminal_safe((folder.empty() ? "" : folder + "/") + fs::path(j.content).stem().string());
        std::printf("%-34s %-12s %5d %8s %8ld %7s  %s\n", name.c_str(),
                    terminal_safe(j.layout_name).c_str(), j.pages, j.status == Status::Failed ? "-" : human_size(j.bytes).c_str(),
                    static_cast<long>(warnings), j.status == Status::UpToDate ? "-" : time,
                    j.status == Status::Failed ? "FAILED" : j.status == Status::UpToDate ? "up to date" : "");
    }
    std::printf("%zu leaflets: %d built, %d up to date, %d failed in %.2f s (%zu jobs in parallel)\n", jobs.size(),
                built, fresh, failed, total, workers);
    std::fflush(stdout);

    if (!o.report.empty()) {
        Diagnostics d;
        const std::string json = json_report(jobs);
        if (!check_output_path(o.report, read, d) || !write_atomically(o.report, std::vector<std::uint8_t>(json.begin(), json.end()), d)) {
            report(d);
            return 1;
        }
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
