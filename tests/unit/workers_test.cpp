// The batch's worker processes (src/cli/workers.cpp): every job built and recorded once, in the
// order it is asked for; a leaflet that fails, crashes or hangs fails alone with its finding;
// and the small pieces a worker's report is made of.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "cli/workers.hpp"
#include "support.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

const std::string kGood = "title = \"Good\"\nreviewed = 2026-10-01\n[[section]]\nheading = \"A\"\nbody = \"Text.\"\n";

// A batch of leaflets in a folder, each built for a4 into out/.
struct Batch {
    test::TempDir dir;
    Diagnostics diags;
    Engine engine{{test::repo_dir() + "/layouts", test::fonts_dir()}, diags};
    RunSettings settings{"2026-10-01", Date{2026, 10, 1}};
    RunKey run_key{engine, settings, "test-engine"};
    BuildCache cache{dir.file("record.json")};
    std::vector<Job> jobs;

    explicit Batch(const std::vector<std::pair<std::string, std::string>>& leaflets) {
        dir.write("brand.toml", "name = \"Test Clinic\"\nphone = \"(555) 010-0199\"\n");
        for (const auto& [name, text] : leaflets) {
            Job j;
            j.content = dir.write(name + ".toml", text);
            j.layout = "a4";
            j.layout_path = test::repo_dir() + "/layouts/a4.toml";
            j.layout_name = "a4";
            j.output = dir.file("out/" + name + "-a4.pdf");
            jobs.push_back(std::move(j));
        }
        fs::create_directories(dir.file("out"));
        // Written a while ago: a file changed while a build read it is not recorded (the clock
        // the record compares with ticks in milliseconds).
        for (const auto& f : fs::directory_iterator(dir.path()))
            if (f.is_regular_file())
                fs::last_write_time(f.path(), fs::last_write_time(f.path()) - std::chrono::seconds(10));
    }

    // Runs every job, in the order given, `width` at once; the order they finished in.
    std::vector<std::size_t> run(std::vector<std::size_t> order, std::size_t width,
                                 std::chrono::milliseconds timeout = std::chrono::minutes(5)) {
        std::size_t k = 0;
        std::vector<std::size_t> finished;
        run_workers(
            jobs,
            [&]() -> std::optional<std::size_t> { return k < order.size() ? std::optional(order[k++]) : std::nullopt; },
            width, timeout, engine, settings, run_key.value(), cache, [&](std::size_t i) { finished.push_back(i); });
        return finished;
    }
};

// A worker is a fork of this test program: it must die of its abort as leafpress's would, not
// in Catch's handler for the test's own crashes (restored at the end of the scope).
struct DefaultAbort {
    struct sigaction saved {};
    DefaultAbort() {
        struct sigaction plain {};
        plain.sa_handler = SIG_DFL;
        ::sigaction(SIGABRT, &plain, &saved);
    }
    ~DefaultAbort() { ::sigaction(SIGABRT, &saved, nullptr); }
};

// Sets an environment variable for the life of the scope (the workers, forked, inherit it).
struct Env {
    const char* name;
    Env(const char* n, const std::string& value) : name(n) { ::setenv(n, value.c_str(), 1); }
    ~Env() { ::unsetenv(name); }
};

}  // namespace

TEST_CASE("workers: every job is built once, its PDF written and recorded - a bad leaflet fails alone with its error",
          "[workers]") {
    Batch b({{"one", kGood}, {"bad", "subtitle = \"No title\"\n"}, {"two", kGood}});
    const auto finished = b.run({0, 1, 2}, 2);
    CHECK(std::multiset<std::size_t>(finished.begin(), finished.end()) == std::multiset<std::size_t>{0, 1, 2});
    for (std::size_t i : {0u, 2u}) {
        CAPTURE(i);
        const Job& j = b.jobs[i];
        CHECK(j.status == Status::Built);
        CHECK(j.pages == 1);
        REQUIRE(fs::exists(j.output));
        CHECK(j.bytes == fs::file_size(j.output));
        CHECK(j.pdf_hash != 0);
        CHECK(j.thumbnail_count == 1);
        CHECK(count_thumbnails(j.svg) == 1);
        // Recorded: the record knows it (what it keeps is build_cache_test's).
        CHECK(b.cache.has(j.output));
    }
    // The same content and settings: the same inputs and the same PDF.
    CHECK(b.jobs[0].pdf_hash == b.jobs[2].pdf_hash);
    const Job& bad = b.jobs[1];
    CHECK(bad.status == Status::Failed);
    CHECK_FALSE(fs::exists(bad.output));
    CHECK_FALSE(b.cache.has(bad.output));
    REQUIRE_FALSE(bad.findings.empty());
    CHECK(bad.findings[0].severity == Severity::Error);
    CHECK(bad.findings[0].where.file == bad.content);
    CHECK(bad.findings[0].message.find("title") != std::string::npos);
}

TEST_CASE("workers: jobs are taken in the order asked for, one at a time with one worker", "[workers]") {
    Batch b({{"a", kGood}, {"b", kGood}, {"c", kGood}});
    CHECK(b.run({2, 0, 1}, 1) == std::vector<std::size_t>{2, 0, 1});
    // Only what is asked for is built.
    Batch some({{"a", kGood}, {"b", kGood}});
    CHECK(some.run({1}, 2) == std::vector<std::size_t>{1});
    CHECK(some.jobs[0].status == Status::Pending);
    CHECK_FALSE(fs::exists(some.jobs[0].output));
    CHECK(some.jobs[1].status == Status::Built);
}

TEST_CASE("workers: a leaflet whose worker crashes fails alone, as a crash - the others are built", "[workers]") {
    Batch b({{"first", kGood}, {"crashes", kGood}, {"last", kGood}});
    Env crash("LEAFPRESS_TEST_CRASH", "crashes");
    DefaultAbort plain_abort;
    b.run({0, 1, 2}, 1);
    CHECK(b.jobs[0].status == Status::Built);
    CHECK(b.jobs[2].status == Status::Built);
    const Job& j = b.jobs[1];
    CHECK(j.status == Status::Failed);
    REQUIRE(j.findings.size() == 1);
    CHECK(j.findings[0].code == "internal.crash");
    CHECK(j.findings[0].message.rfind("the build crashed (signal 6, ", 0) == 0);
    CHECK(j.findings[0].message.find("the other leaflets are not affected") != std::string::npos);
    CHECK_FALSE(b.cache.has(j.output));
}

TEST_CASE("workers: a leaflet that never finishes is stopped at the time limit and fails alone", "[workers]") {
    Batch b({{"hangs", kGood}, {"after", kGood}});
    Env hang("LEAFPRESS_TEST_HANG", "hangs");
    b.run({0, 1}, 1, std::chrono::milliseconds(1500));
    const Job& j = b.jobs[0];
    CHECK(j.status == Status::Failed);
    REQUIRE(j.findings.size() == 1);
    CHECK(j.findings[0].code == "internal.timeout");
    CHECK(j.findings[0].message.rfind("the build took longer than 1.5 s and was stopped", 0) == 0);
    // The job given to the same worker after it waits for another worker, and is built.
    CHECK(b.jobs[1].status == Status::Built);
}

TEST_CASE("workers: a finding survives the trip through a worker's report", "[workers]") {
    const Diagnostic d{
        Severity::Warning, "check.phone", {"a/b.toml", 12, 7}, "a message \u00B7 with UTF-8", "a hint", 3};
    const Diagnostic back = diagnostic_from(nlohmann::json::parse(to_json(d).dump()));
    CHECK(back.severity == Severity::Warning);
    CHECK(back.code == "check.phone");
    CHECK(back.where.file == "a/b.toml");
    CHECK(back.where.line == 12);
    CHECK(back.where.column == 7);
    CHECK(back.message == d.message);
    CHECK(back.hint == "a hint");
    CHECK(back.count == 3);
    CHECK(to_json(d)["severity"] == "warning");
    // A report without the optional keys reads as one error.
    const Diagnostic bare = diagnostic_from(nlohmann::json::parse("{\"message\": \"m\"}"));
    CHECK(bare.severity == Severity::Error);
    CHECK(bare.count == 1);
}

TEST_CASE("workers: thumbnails are a side's <svg> a line, counted back", "[workers]") {
    const std::string a = "<svg width=\"1\"></svg>", b = "<svg width=\"2\"><svg x=\"0\"/></svg>";
    const std::string joined = join_thumbnails({{a.begin(), a.end()}, {b.begin(), b.end()}});
    CHECK(joined == a + "\n" + b + "\n");
    CHECK(count_thumbnails(joined) == 3);  // every <svg element, nested ones too
    CHECK(count_thumbnails("") == 0);
    CHECK(count_thumbnails("<svg>") == 0);  // an element with attributes only
    CHECK(std::string(status_name(Status::UpToDate)) == "up-to-date");
    CHECK(std::string(status_name(Status::Failed)) == "failed");
}
