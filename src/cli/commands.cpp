#include "cli/commands.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/output.hpp"
#include "cli/output_plan.hpp"

namespace fs = std::filesystem;

namespace leafpress {

void report(const Diagnostics& d) {
    for (const auto& line : shown_lines(d.all())) std::cerr << line << '\n';
}

std::string brand_note(const std::string& content, const std::string& brand_file, const std::string& brand_name) {
    if (brand_file.empty()) return {};
    // Names from the disk and the brand file, quoted with whatever a terminal acts on escaped.
    return terminal_safe(content) + ": note: brand: " + terminal_safe(brand_file) +
           (brand_name.empty() ? "" : " (" + terminal_safe(brand_name) + ")") + "\n";
}

std::string human_size(std::size_t bytes) {
    char buf[32];
    if (bytes >= 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    else
        std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(bytes) / 1024.0);
    return buf;
}

std::vector<std::string> collect_content(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::directory_iterator(in, ec)) {
                if (!e.is_regular_file(ec) || e.path().extension() != ".toml") continue;
                const std::string name = e.path().filename().string();
                if (name == "brand.toml" || name == "leafpress.toml") continue;
                if (name[0] == '.') continue;  // hidden: a batch's own record, .leafpress-cache.toml, is never content
                found.push_back(e.path().string());
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(in);
        }
    }
    return out;
}

std::vector<std::string> with_engine_files(std::vector<std::string> inputs, const Engine& engine) {
    for (const std::string& dir : {engine.paths().fonts_dir, engine.paths().translations_dir}) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.is_regular_file(ec)) inputs.push_back(e.path().string());
    }
    return inputs;
}

BuildRequest request_for(const RunSettings& s, std::string content, std::string layout, std::string brand) {
    return {.content = std::move(content),
            .layout = std::move(layout),
            .brand = std::move(brand),
            .source_date = s.source_date,
            .today = s.today,
            .warnings = s.warnings,
            .output = s.output};
}

int run_build(const BuildOptions& o, Engine& engine, const RunSettings& s) {
    BuildResult r = build_leaflet(request_for(s, o.content, o.layout, o.brand), engine);
    const std::string out = o.output.empty() ? fs::path(o.content).stem().string() + ".pdf" : o.output;
    if (r.output && !check_outputs(one_output(out, OutputKind::Leaflet, with_engine_files(r.inputs, engine)), r.diags))
        r.output.reset();
    if (r.output) remove_stale_temporaries(fs::path(out).parent_path().string());
    if (r.output && !write_atomically(out, r.output->files.at(0), r.diags)) r.output.reset();
    std::cerr << brand_note(o.content, r.brand_file, r.brand_name);
    report(r.diags);
    if (!r.output) {
        std::cerr << "leafpress: " << terminal_safe(o.content) << ": not built\n";
        return 1;
    }
    std::cerr << "leafpress: wrote " << terminal_safe(out) << " (" << r.pages << (r.pages == 1 ? " page, " : " pages, ")
              << (r.sides != r.pages ? "on " + std::to_string(r.sides) + " sides, " : std::string())
              << human_size(r.output->files.at(0).size()) << ")\n";
    return 0;
}

int run_check(const CheckOptions& o, Engine& engine, const RunSettings& s) {
    BuildResult r = build_leaflet(request_for(s, o.content, o.layout, o.brand), engine);
    std::cerr << brand_note(o.content, r.brand_file, r.brand_name);
    report(r.diags);
    const bool ok = r.output.has_value();
    std::cerr << "leafpress: " << terminal_safe(o.content) << ": " << r.diags.error_count() << " errors, "
              << r.diags.warning_count() << " warnings" << (ok ? "" : " (does not build)") << '\n';
    return ok ? 0 : 1;
}

}  // namespace leafpress
