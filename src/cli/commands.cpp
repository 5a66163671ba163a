#include "cli/commands.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/output.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

void report(const Diagnostics& d) {
    for (const auto& item : d.all()) std::cerr << format(item) << '\n';
}

std::string human_size(std::size_t bytes) {
    char buf[32];
    if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    else std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(bytes) / 1024.0);
    return buf;
}

}  // namespace

std::vector<std::string> collect_content(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::directory_iterator(in, ec)) {
                if (!e.is_regular_file(ec) || e.path().extension() != ".toml") continue;
                if (e.path().filename() == "brand.toml") continue;
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

int run_build(const BuildOptions& o, Engine& engine, const std::string& source_date) {
    BuildResult r = build_leaflet({o.content, o.layout, o.brand, source_date}, engine);
    const std::string out = o.output.empty() ? fs::path(o.content).stem().string() + ".pdf" : o.output;
    if (r.pdf && !write_atomically(out, *r.pdf, r.diags)) r.pdf.reset();
    report(r.diags);
    if (!r.pdf) {
        std::cerr << "leafpress: " << o.content << ": not built\n";
        return 1;
    }
    std::cerr << "leafpress: wrote " << out << " (" << r.pages << (r.pages == 1 ? " page, " : " pages, ")
              << human_size(r.pdf->size()) << ")\n";
    return 0;
}

int run_batch(const BatchOptions& o, Engine& engine, const std::string& source_date) {
    std::vector<std::string> inputs = o.inputs;
    if (inputs.empty()) inputs.push_back(fs::is_directory("content") ? "content" : ".");
    const auto files = collect_content(inputs);
    std::vector<std::string> layouts = o.layouts.empty() ? std::vector<std::string>{"a4"} : o.layouts;
    std::error_code ec;
    fs::create_directories(o.out_dir, ec);
    if (ec) {
        std::cerr << o.out_dir << ": error: cannot create the output folder: " << ec.message() << '\n';
        return 1;
    }
    if (files.empty()) {
        std::cerr << "leafpress: warning: no content files found\n";
        return 0;
    }
    int failed = 0, built = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& file : files) {
        for (const auto& layout : layouts) {
            BuildResult r = build_leaflet({file, layout, {}, source_date}, engine);
            const std::string layout_name = r.layout_name.empty() ? fs::path(layout).stem().string() : r.layout_name;
            const std::string out =
                (fs::path(o.out_dir) / (fs::path(file).stem().string() + "-" + layout_name + ".pdf")).string();
            if (r.pdf && !write_atomically(out, *r.pdf, r.diags)) r.pdf.reset();
            report(r.diags);
            if (r.pdf) {
                ++built;
                std::cerr << "  built  " << out << "  " << r.pages << (r.pages == 1 ? " page  " : " pages  ")
                          << human_size(r.pdf->size()) << "  " << r.diags.warning_count() << " warnings\n";
            } else {
                ++failed;
                std::cerr << "  FAILED " << file << " (" << layout_name << ")\n";
            }
        }
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f s", secs);
    std::cerr << "leafpress: " << built << " built, " << failed << " failed in " << buf << '\n';
    return failed > 0 ? 1 : 0;
}

int run_check(const CheckOptions& o, Engine& engine, const std::string& source_date) {
    BuildResult r = build_leaflet({o.content, o.layout, o.brand, source_date}, engine);
    report(r.diags);
    const bool ok = r.pdf.has_value();
    std::cerr << "leafpress: " << o.content << ": " << r.diags.error_count() << " errors, "
              << r.diags.warning_count() << " warnings" << (ok ? "" : " (does not build)") << '\n';
    return ok ? 0 : 1;
}

}  // namespace leafpress
