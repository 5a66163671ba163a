// leafpress: branded, print-ready patient leaflets from TOML content files.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <charconv>
#include <ctime>
#include <optional>
#include <string_view>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"

namespace fs = std::filesystem;

namespace {

// The folder that holds layouts/ and fonts/: $LEAFPRESS_HOME, the executable's parent
// folder (build/leafpress → the repository), or the source folder it was built from.
std::string data_dir() {
    if (const char* env = std::getenv("LEAFPRESS_HOME"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.parent_path(); dir = dir.parent_path()) {
            if (fs::is_directory(dir / "layouts", ec) && fs::is_directory(dir / "fonts", ec)) return dir.string();
        }
    }
    return LEAFPRESS_SOURCE_DIR;
}

// SOURCE_DATE_EPOCH: the seconds it gives (none when it is unset or empty), or why it cannot be
// used. A PDF date has four digits for the year, so the last second is 9999-12-31T23:59:59Z.
struct Epoch {
    std::optional<std::time_t> seconds;
    std::string problem;
};

Epoch source_date_epoch() {
    const char* env = std::getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) return {};
    constexpr long long kLast = 253402300799;
    const std::string_view v(env);
    long long secs = -1;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), secs);
    if (ec == std::errc{} && end == v.data() + v.size() && secs >= 0 && secs <= kLast)
        return {static_cast<std::time_t>(secs), ""};
    const std::string shown = v.size() > 40 ? std::string(v.substr(0, 40)) + "..." : std::string(v);
    return {std::nullopt, "SOURCE_DATE_EPOCH='" + shown + "' is not a number of seconds from 0 to " +
                              std::to_string(kLast) + " (1970-01-01 to 9999-12-31)"};
}

leafpress::Date date_of(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// The dates of this run: the PDF's from SOURCE_DATE_EPOCH (else the content's reviewed date),
// and "today" for the review-date check from SOURCE_DATE_EPOCH or the clock.
leafpress::RunSettings settings(bool strict, const Epoch& epoch) {
    leafpress::RunSettings s;
    if (epoch.seconds) s.source_date = leafpress::to_iso(date_of(*epoch.seconds));
    s.today = date_of(epoch.seconds ? *epoch.seconds : std::time(nullptr));
    s.warnings = strict ? leafpress::WarningPolicy::Fail : leafpress::WarningPolicy::Allow;
    return s;
}

}  // namespace

namespace {

int run(int argc, char** argv) {
    using namespace leafpress;
    CLI::App app{"leafpress: branded, print-ready PDF patient leaflets from TOML content files"};
    app.set_version_flag("--version", std::string("leafpress ") + LEAFPRESS_VERSION);
    app.require_subcommand(1);

    BuildOptions build;
    auto* b = app.add_subcommand("build", "Build one leaflet PDF");
    b->add_option("content", build.content, "Content file (TOML)")->required();
    b->add_option("-o,--output", build.output, "Output PDF (default: <content name>.pdf here)");
    b->add_option("--layout", build.layout, "Layout name from layouts/ or a layout file")->capture_default_str();
    b->add_option("--brand", build.brand, "Brand file (default: the nearest brand.toml)");
    bool strict = false;
    b->add_flag("--strict", strict, "Fail on warnings too");
    bool print = false;
    b->add_flag("--print", print, "The print shop's PDF: 3 mm bleed, crop marks, CMYK, PDF/X-4");

    BatchOptions batch;
    auto* ba = app.add_subcommand("batch", "Build every content file for every layout");
    ba->add_option("inputs", batch.inputs, "Folders or content files (default: content/)");
    ba->add_option("-o,--output", batch.out_dir, "Output folder")->capture_default_str();
    ba->add_option("--layout", batch.layouts, "Layout name or file; repeat for several (default: a4)")
        ->allow_extra_args(false);
    ba->add_option(
          "--brand", batch.brands,
          "Brand file; repeat for several sites, each built into OUTDIR/<site>/ (default: the nearest brand.toml)")
        ->allow_extra_args(false);
    ba->add_option("-j,--jobs", batch.jobs, "Parallel builds (default: the number of cores)")
        ->check(CLI::Range(0, 1024));
    ba->add_option("--timeout", batch.timeout, "Seconds one leaflet may take before it fails alone (default: 120)")
        ->check(CLI::Range(0.1, 86400.0));
    ba->add_option("--report", batch.report, "Write a JSON report of every output and its findings");
    bool force = false;
    ba->add_flag("--force", force, "Build everything, even leaflets whose inputs have not changed");
    ba->add_flag("--strict", strict, "Fail on warnings too");
    ba->add_flag("--print", print, "The print shop's PDFs: 3 mm bleed, crop marks, CMYK, PDF/X-4");

    CheckOptions check;
    auto* c = app.add_subcommand("check", "Build in memory and report findings; writes no PDF");
    c->add_option("content", check.content, "Content file (TOML)")->required();
    c->add_option("--layout", check.layout, "Layout name from layouts/ or a layout file")->capture_default_str();
    c->add_option("--brand", check.brand, "Brand file (default: the nearest brand.toml)");
    c->add_flag("--strict", strict, "Fail on warnings too");

    PreviewOptions preview;
    auto* pv = app.add_subcommand("preview", "Draw each page as a PNG picture");
    pv->add_option("content", preview.content, "Content file (TOML)")->required();
    pv->add_option("-o,--output", preview.out_dir, "Folder for the pictures <content>-<layout>-<page>.png")
        ->capture_default_str();
    pv->add_option("--layout", preview.layout, "Layout name from layouts/ or a layout file")->capture_default_str();
    pv->add_option("--brand", preview.brand, "Brand file (default: the nearest brand.toml)");
    pv->add_option("--dpi", preview.dpi, "Resolution in dots per inch")
        ->capture_default_str()
        ->check(CLI::Range(1.0, 2400.0));

    WatchOptions watch;
    auto* w = app.add_subcommand("watch", "Build, then build again whenever an input changes");
    w->add_option("content", watch.content, "Content file (TOML)")->required();
    w->add_option("-o,--output", watch.output, "Output PDF (default: <content name>.pdf here)");
    w->add_option("--layout", watch.layout, "Layout name from layouts/ or a layout file")->capture_default_str();
    w->add_option("--brand", watch.brand, "Brand file (default: the nearest brand.toml)");
    w->add_flag("--print", print, "The print shop's PDF");
    w->add_flag("--strict", strict, "Fail on warnings too");
    w->add_option("--builds", watch.max_builds, "Stop after this many builds (default: run until interrupted)")
        ->check(CLI::NonNegativeNumber);

    NewOptions fresh;
    auto* n = app.add_subcommand("new", "Write a commented starting leaflet that builds as it is");
    n->add_option("path", fresh.path, "The new content file (NAME.toml)")->required();

    VerifyOptions verify;
    auto* v =
        app.add_subcommand("verify", "Check PDFs (any, not only leafpress's) against PDF/UA-1, PDF/A-2 and PDF/X-4");
    v->add_option("files", verify.files, "PDF files")->required();
    v->add_option("--standard", verify.standards,
                  "ua1, a2a, a2b, a2u or x4; repeat for several (default: the standards each file claims)")
        ->check(CLI::IsMember({"ua1", "a2a", "a2b", "a2u", "x4"}))
        ->allow_extra_args(false);  // one a time, so that `verify --standard ua1 old/*.pdf` leaves the files as files
    v->add_flag("--json", verify.json, "JSON Lines for programs: one JSON object a line, a line a file");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11 quotes the argument it could not use: escaped, as every message from input is.
        std::ostringstream out, err;
        app.exit(e, out, err);
        std::cout << leafpress::terminal_safe(out.str(), true);
        std::cerr << leafpress::terminal_safe(err.str(), true);
        return 2;
    }

    // A date that cannot be written is wrong usage, before anything is built.
    const Epoch epoch = source_date_epoch();
    if (!epoch.problem.empty()) {
        std::cerr << "leafpress: " << terminal_safe(epoch.problem)
                  << "\n  hint: set it to a time in seconds since 1970, such as SOURCE_DATE_EPOCH=$(date +%s), "
                     "or unset it to date the PDF by the leaflet's reviewed date\n";
        return 2;
    }
    RunSettings run = settings(strict, epoch);
    run.output = print ? Output::Print : Output::Screen;
    if (*n) return run_new(fresh, run);

    const std::string home = data_dir();
    if (*v) return run_verify(verify, home);
    Diagnostics setup;
    Engine::Paths paths{(fs::path(home) / "layouts").string(), (fs::path(home) / "fonts").string()};
    paths.translations_dir = (fs::path(home) / "data" / "translations").string();
    Engine engine(paths, setup);
    for (const auto& line : shown_lines(setup.all())) std::cerr << line << '\n';
    if (setup.has_errors()) return 1;

    batch.rebuild = force ? Rebuild::All : Rebuild::Changed;
    if (*b) return run_build(build, engine, run);
    if (*ba) return run_batch(batch, engine, run);
    if (*pv) return run_preview(preview, engine, run);
    if (*w) return run_watch(watch, engine, run);
    return run_check(check, engine, run);
}

}  // namespace

int main(int argc, char** argv) {
    // Problems in the input are diagnostics; anything that still escapes is a bug, reported
    // as one rather than as a crash.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "leafpress: internal error: " << leafpress::terminal_safe(e.what())
                  << "\n  hint: please report this with the input files\n";
    } catch (...) {
        std::cerr << "leafpress: internal error\n";
    }
    return 1;
}
