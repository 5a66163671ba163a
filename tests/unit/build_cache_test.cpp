#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/build_cache.hpp"
#include "cli/output.hpp"
#include "core/build_id.hpp"
#include "pipeline/build.hpp"
#include "support.hpp"

using namespace leafpress;
using test::TempDir;

TEST_CASE("a new day changes a leaflet's input hash only when its review falls due", "[cache]") {
    TempDir dir;
    Diagnostics d;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, d);
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\n");
    const std::string content = dir.write("x.toml", "title = \"T\"\nreviewed = 2026-01-10\n[[section]]\nbody = \"x\"\n");
    const std::string layout = test::repo_dir() + "/layouts/a4.toml";
    const auto hash_on = [&](Date day) {
        const InputHasher h(engine, {"", day, WarningPolicy::Allow});
        return h.hash(h.content(content), layout);
    };
    CHECK(hash_on({2026, 3, 1}) == hash_on({2026, 3, 2}));
    CHECK(hash_on({2026, 3, 1}) == hash_on({2027, 1, 10}));
    CHECK(hash_on({2027, 1, 10}) != hash_on({2027, 1, 11}));  // a year and a day: the review is due
    CHECK(hash_on({2026, 1, 9}) != hash_on({2026, 1, 10}));   // reviewed in the future, then not
}

TEST_CASE("the cache trusts an output only while it is the file that was written", "[cache]") {
    TempDir dir;
    const std::string out = dir.write("x.pdf", "%PDF-1.7 the real one");
    {
        BuildCache cache(dir.file("cache.toml"));
        cache.store(out, {42, 1, 21, fnv1a("%PDF-1.7 the real one"), {}});
        cache.save();
    }
    BuildCache cache(dir.file("cache.toml"));
    CHECK(cache.lookup(out, 42));
    CHECK_FALSE(cache.lookup(out, 43));
    dir.write("x.pdf", "%PDF-1.7 the real onE");
    CHECK_FALSE(cache.lookup(out, 42));
}

TEST_CASE("a leaflet's inputs hash to something else under another leafpress", "[cache]") {
    TempDir dir;
    Diagnostics d;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, d);
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\n");
    const std::string content = dir.write("x.toml", "title = \"T\"\n[[section]]\nbody = \"x\"\n");
    const std::string layout = test::repo_dir() + "/layouts/a4.toml";
    const RunSettings settings{"", {2026, 3, 1}, WarningPolicy::Allow};
    const auto hash_by = [&](const std::string& id) {
        const InputHasher h(engine, settings, id);
        return h.hash(h.content(content), layout);
    };
    CHECK(hash_by("0123abcd") == hash_by("0123abcd"));
    CHECK(hash_by("0123abcd") != hash_by("0123abce"));
    // By default the leafpress that hashes is the running program, named by its build id.
    const std::string self = executable_build_id();
    REQUIRE(self.size() >= 16);
    CHECK(self == executable_build_id());
    CHECK(InputHasher(engine, settings).hash(InputHasher(engine, settings).content(content), layout) == hash_by(self));
}

TEST_CASE("every file a build read is recorded, and a change to one makes its output stale", "[cache]") {
    TempDir dir;
    // Hyphenation patterns of the build's own, as a Debian update would replace them.
    const std::string patterns = dir.file("hyphen/hyph_en_US.dic");
    std::filesystem::create_directories(dir.file("hyphen"));
    std::filesystem::copy_file("/usr/share/hyphen/hyph_en_US.dic", patterns);
    Diagnostics d;
    Engine::Paths paths{test::repo_dir() + "/layouts", test::fonts_dir()};
    paths.hyphen_dir = dir.file("hyphen");
    Engine engine(paths, d);
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\n");
    const std::string content = dir.write(
        "x.toml", "title = \"T\"\nlanguage = \"en-US\"\n[[section]]\nbody = \"Extraordinarily comprehensive considerations.\"\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(30));  // a clock tick after the files were written
    const std::int64_t started = file_clock_now();
    BuildRequest request{.content = content, .layout = "a4"};
    request.today = {2026, 3, 1};
    const BuildResult r = build_leaflet(request, engine);
    REQUIRE(r.output);
    CHECK(std::find(r.inputs.begin(), r.inputs.end(), patterns) != r.inputs.end());
    const auto reads = stamp_reads(r.inputs, started, file_clock_now());
    REQUIRE(reads);
    CHECK(reads->size() == r.inputs.size());
    // A file changed while the build ran (after it started): the build is not to be recorded.
    const std::int64_t before_edit = file_clock_now();
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    dir.write("edited.toml", "x = 1\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK_FALSE(stamp_reads({dir.file("edited.toml")}, before_edit, file_clock_now()));
    CHECK(stamp_reads({dir.file("edited.toml")}, file_clock_now(), file_clock_now()));
    // A file dated in the future (unpacked from an archive, a clock set wrong) was not written
    // while the build ran: it is recorded, not rebuilt on every batch.
    const auto in_a_day = std::filesystem::last_write_time(dir.file("edited.toml")) + std::chrono::hours(24);
    std::filesystem::last_write_time(dir.file("edited.toml"), in_a_day);
    CHECK(stamp_reads({dir.file("edited.toml")}, before_edit, file_clock_now()));

    const std::string out = dir.write("x.pdf", "%PDF-1.7 the one written");
    {
        BuildCache cache(dir.file("cache.toml"));
        cache.store(out, {42, 1, 24, fnv1a("%PDF-1.7 the one written"), {}, *reads});
        cache.save();
    }
    CHECK(BuildCache(dir.file("cache.toml")).lookup(out, 42));
    // The patterns replaced by a newer version (another size and time): the output is stale.
    std::ofstream(patterns, std::ios::app) << "\n";
    CHECK_FALSE(BuildCache(dir.file("cache.toml")).lookup(out, 42));
    // So it is when a file read is gone.
    std::filesystem::remove(patterns);
    CHECK_FALSE(BuildCache(dir.file("cache.toml")).lookup(out, 42));
}

TEST_CASE("a failed flush says why, as a value the thread that tried returns", "[cache]") {
    const std::error_code missing = sync_outputs("/nonexistent/leafpress-out");
    errno = 0;  // another thread's errno, or a later call's, does not change what it said
    CHECK(missing == std::errc::no_such_file_or_directory);
    CHECK_FALSE(sync_outputs(std::filesystem::temp_directory_path().string()));
}
