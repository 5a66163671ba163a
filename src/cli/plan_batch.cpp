// Planning a batch: its sites, its jobs, the files it reads and writes, each checked before
// anything is built.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/batch.hpp"
#include "cli/build_cache.hpp"
#include "cli/output.hpp"
#include "core/files.hpp"
#include "core/limits.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

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
                std::cerr << terminal_safe(b)
                          << ": error: cannot name a site's folder after this brand file [batch.site]\n"
                          << "  hint: give the brand file a name of its own, such as north.toml\n";
                ok = false;
                continue;
            }
            const auto [it, added] = folders.emplace(site.folder, b);
            if (!added) {
                std::cerr << terminal_safe(b) << ": error: two brands would share the site folder '"
                          << terminal_safe(site.folder) << "' with " << terminal_safe(it->second)
                          << " [batch.site]\n  hint: name the brand files (or their folders) apart\n";
                ok = false;
                continue;
            }
        }
        sites.push_back(std::move(site));
    }
    if (!ok) return std::nullopt;
    return sites;
}

// The layouts, each once: "a4" and "layouts/a4.toml" are the same file.
std::vector<std::string> distinct_layouts(const BatchOptions& o, const Engine& engine) {
    std::vector<std::string> layouts;
    for (const auto& l : o.layouts.empty() ? std::vector<std::string>{"a4"} : o.layouts) {
        const std::string path = resolve_layout_path(l, engine.paths().layouts_dir);
        if (std::none_of(layouts.begin(), layouts.end(), [&](const std::string& k) {
                return same_file(resolve_layout_path(k, engine.paths().layouts_dir), path);
            }))
            layouts.push_back(l);
    }
    return layouts;
}

// One job per site, content file and layout.
std::vector<Job> plan_jobs(const std::vector<Site>& sites, const std::vector<std::string>& files,
                           const std::vector<std::string>& layouts, const std::string& out_dir, const Engine& engine) {
    std::vector<Job> jobs;
    for (std::size_t site = 0; site < sites.size(); ++site)
        for (const std::string& file : files)
            for (const auto& layout : layouts) {
                Job j;
                j.content = file;
                j.layout = layout;
                j.brand = sites[site].brand;
                j.site = static_cast<int>(site);
                j.layout_path = resolve_layout_path(layout, engine.paths().layouts_dir);
                j.layout_name = fs::path(j.layout_path).stem().string();
                const std::string name = fs::path(file).stem().string() + "-" + j.layout_name;
                j.output = (fs::path(out_dir) / sites[site].folder / (name + ".pdf")).lexically_normal().string();
                jobs.push_back(std::move(j));
            }
    return jobs;
}

// The brand each leaflet is built with, named on stderr and in the report.
void name_brands(std::vector<Job>& jobs) {
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
}

// Every file the batch reads: contents, their figures, brands (given or found) and logos,
// layouts and the fonts folder's fonts.
std::vector<std::string> files_read(const BatchOptions& o, const std::vector<Site>& sites,
                                    const std::vector<std::string>& files, const std::vector<std::string>& layouts,
                                    const Engine& engine) {
    std::vector<std::string> read;
    for (const Site& st : sites)
        for (const auto& file : files)
            for (auto& in : content_inputs(file, st.brand)) read.push_back(std::move(in));
    for (const auto& layout : layouts) read.push_back(resolve_layout_path(layout, engine.paths().layouts_dir));
    for (const auto& b : o.brands) read.push_back(b);
    return with_engine_files(std::move(read), engine);
}

}  // namespace

// Every output of the batch, for check_outputs: its leaflets, then its own files.
OutputPlan batch_outputs(const BatchPlan& plan) {
    OutputPlan outputs{OutputPlan::Scope::Batch, {}, plan.reads};
    for (const Job& j : plan.jobs)
        outputs.outputs.push_back({j.output, OutputKind::Leaflet, j.content + " (layout " + j.layout + ")"});
    outputs.outputs.insert(outputs.outputs.end(), plan.own.begin(), plan.own.end());
    return outputs;
}

bool check_plan(const BatchPlan& plan, const std::string& out_dir) {
    Diagnostics d;
    check_outputs(batch_outputs(plan), d);
    std::error_code ec;
    // A site's folder that is a symlink out of OUTDIR would have its leaflets written elsewhere.
    const fs::path base = fs::weakly_canonical(fs::absolute(out_dir.empty() ? "." : out_dir, ec), ec);
    for (const Site& st : plan.sites) {
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

std::optional<BatchPlan> plan_batch(const BatchOptions& o, const Engine& engine) {
    std::vector<std::string> inputs = o.inputs;
    if (inputs.empty()) inputs.push_back(fs::is_directory("content") ? "content" : ".");
    BatchPlan plan;
    plan.sheet_path = (fs::path(o.out_dir) / "index.html").string();
    plan.cache_path = (fs::path(o.out_dir) / ".leafpress-cache.toml").string();
    plan.thumbnails_path = (fs::path(o.out_dir) / ".leafpress-thumbnails").string();
    plan.own = {{plan.sheet_path, OutputKind::ContactSheet, {}},
                {plan.cache_path, OutputKind::BuildRecord, {}},
                {plan.thumbnails_path, OutputKind::Thumbnails, {}}};
    if (!o.report.empty()) plan.own.push_back({o.report, OutputKind::Report, {}});
    const auto files = without_reports(collect_content(inputs));
    const auto layouts = distinct_layouts(o, engine);
    if (files.empty()) std::cerr << "leafpress: warning: no content files found\n";
    auto sites = plan_sites(o.brands);
    if (!sites) return std::nullopt;
    plan.sites = std::move(*sites);
    plan.jobs = plan_jobs(plan.sites, files, layouts, o.out_dir, engine);
    name_brands(plan.jobs);
    plan.reads = files_read(o, plan.sites, files, layouts, engine);
    return plan;
}

bool make_folders(const BatchPlan& plan, const BatchOptions& o) {
    std::set<std::string> folders{fs::path(o.out_dir).lexically_normal().string()};
    for (const Site& st : plan.sites)
        if (!st.folder.empty()) folders.insert((fs::path(o.out_dir) / st.folder).lexically_normal().string());
    if (!o.report.empty()) folders.insert(fs::path(o.report).parent_path().lexically_normal().string());
    for (const auto& folder : folders) {
        Diagnostics d;
        std::error_code ec;
        if (!folder.empty()) fs::create_directories(folder, ec);
        if (ec)
            d.error("output.write", {folder, 0, 0}, "cannot create this folder: " + ec.message(),
                    "choose an output folder you can write to with -o");
        if (ec || !check_writable(folder, d)) {
            report(d);
            return false;
        }
    }
    return true;
}

}  // namespace leafpress
