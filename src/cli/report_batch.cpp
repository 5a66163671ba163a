// What a batch says when it is done: its findings, the table of leaflets and the JSON report.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "cli/batch.hpp"
#include "cli/output.hpp"
#include "cli/output_plan.hpp"

namespace fs = std::filesystem;

namespace leafpress {

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
    const nlohmann::json report{{"leafpress", LEAFPRESS_VERSION},
                                {"outputs", std::move(outputs)},
                                {"built", built},
                                {"up_to_date", fresh},
                                {"failed", failed},
                                {"pending", pending}};
    return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool write_report(const std::string& path, const std::vector<Job>& jobs, const std::vector<std::string>& reads,
                  Diagnostics& diags) {
    const std::string json = json_report(jobs);
    return check_outputs(one_output(path, OutputKind::Report, reads), diags) &&
           write_atomically(path, std::vector<std::uint8_t>(json.begin(), json.end()), diags);
}

void print_findings(const std::vector<Job>& jobs) {
    std::set<std::pair<std::string, std::string>> noted;  // (content, brand): one note each
    for (const auto& j : jobs) {
        if (noted.emplace(j.content, j.brand_used).second)
            std::cerr << brand_note(j.content, j.brand_used, j.brand_name);
        for (const auto& line : shown_lines(j.findings)) std::cerr << line << '\n';
    }
}

int print_summary(const std::vector<Job>& jobs, const std::vector<Site>& sites, double seconds, std::size_t workers) {
    int built = 0, fresh = 0, failed = 0;
    std::printf("%-34s %-12s %5s %8s %8s %7s  %s\n", "leaflet", "layout", "pages", "size", "warnings", "time", "");
    for (const auto& j : jobs) {
        (j.status == Status::Built ? built : j.status == Status::UpToDate ? fresh : failed)++;
        const auto warnings = std::count_if(j.findings.begin(), j.findings.end(),
                                            [](const Diagnostic& d) { return d.severity == Severity::Warning; });
        char time[32];
        std::snprintf(time, sizeof time, "%.0f ms", j.seconds * 1000);
        // With several sites, a leaflet is named with its site's folder: north/lupus.
        const std::string& folder = sites[static_cast<std::size_t>(j.site)].folder;
        const std::string name =
            terminal_safe((folder.empty() ? "" : folder + "/") + fs::path(j.content).stem().string());
        std::printf("%-34s %-12s %5d %8s %8ld %7s  %s\n", name.c_str(), terminal_safe(j.layout_name).c_str(), j.pages,
                    j.status == Status::Failed ? "-" : human_size(j.bytes).c_str(), static_cast<long>(warnings),
                    j.status == Status::UpToDate ? "-" : time,
                    j.status == Status::Failed     ? "FAILED"
                    : j.status == Status::UpToDate ? "up to date"
                                                   : "");
    }
    std::printf("%zu leaflets: %d built, %d up to date, %d failed in %.2f s (%zu jobs in parallel)\n", jobs.size(),
                built, fresh, failed, seconds, workers);
    std::fflush(stdout);
    return failed;
}

}  // namespace leafpress
