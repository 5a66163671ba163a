#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "cli/build_cache.hpp"
#include "cli/output.hpp"
#include "core/build_id.hpp"
#include "pipeline/build.hpp"
#include "support.hpp"

using namespace leafpress;
using test::TempDir;

namespace {

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A leaflet built and recorded as a batch's worker records it: the files it read, its brand, its
// review as it stood on `request.today`, and its PDF (written to `out`).
BuildCache::Entry build_and_record(const BuildRequest& request, Engine& engine, const RunSettings& settings,
                                   const std::string& out) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));  // a clock tick after the files were written
    const std::int64_t started = file_clock_now();
    const BuildResult r = build_leaflet(request, engine);
    REQUIRE(r.output);
    const auto& pdf = r.output->files.at(0);
    std::ofstream(out, std::ios::binary)
        .write(reinterpret_cast<const char*>(pdf.data()), static_cast<std::streamsize>(pdf.size()));
    const auto reads = stamp_reads(r.inputs, started);
    REQUIRE(reads);
    BuildCache::Entry e;
    e.run = RunKey(engine, settings).value();
    e.brand = r.brand_file;
    e.review = review_stamp(r.reviewed, r.next_review, request.today);
    e.reads = *reads;
    e.pages = r.pages;
    e.bytes = pdf.size();
    e.output = hash_bytes(std::string_view(reinterpret_cast<const char*>(pdf.data()), pdf.size()));
    return e;
}

// A file's bytes replaced by others of the same size, its modification time put back as it was:
// only its bytes tell the change.
void replace_in_place(const std::string& path, std::size_t at) {
    const auto time = std::filesystem::last_write_time(path);
    std::string bytes = bytes_of(path);
    REQUIRE(at < bytes.size());
    bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
    std::ofstream(path, std::ios::binary) << bytes;
    std::filesystem::last_write_time(path, time);
}

}  // namespace

TEST_CASE("a new day makes a leaflet stale only when its review falls due", "[cache]") {
    TempDir dir;
    Diagnostics d;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, d);
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\n");
    const std::string content =
        dir.write("x.toml", "title = \"T\"\nreviewed = 2026-01-10\n[[section]]\nbody = \"x\"\n");
    const std::string out = dir.file("x.pdf");
    // Built on one day, looked up on another.
    const auto fresh_on = [&](Date built, Date today) {
        const RunSettings settings{"", built, WarningPolicy::Allow};
        BuildRequest request{content, "a4"};
        request.today = built;
        BuildCache cache(dir.file("cache.toml"));
        cache.store(out, build_and_record(request, engine, settings, out));
        return cache.lookup(out, {RunKey(engine, settings).value(), dir.file("brand.toml"), today}).has_value();
    };
    CHECK(fresh_on({2026, 3, 1}, {2026, 3, 2}));
    CHECK(fresh_on({2026, 3, 1}, {2027, 1, 10}));
    CHECK_FALSE(fresh_on({2027, 1, 10}, {2027, 1, 11}));  // a year and a day: the review is due
    CHECK_FALSE(fresh_on({2026, 1, 9}, {2026, 1, 10}));   // reviewed in the future, then not
    CHECK(fresh_on({2027, 1, 11}, {2027, 6, 1}));         // due, and still due
}

TEST_CASE("the cache trusts an output only while it is the file that was written", "[cache]") {
    TempDir dir;
    const std::string out = dir.write("x.pdf", "%PDF-1.7 the real one");
    const std::string content = dir.write("x.toml", "title = \"T\"\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(30));  // a clock tick after the files were written
    {
        BuildCache cache(dir.file("cache.toml"));
        cache.store(out, {.run = 42,
                          .reads = *stamp_reads({content}, file_clock_now()),
                          .pages = 1,
                          .bytes = 21,
                          .output = hash_bytes("%PDF-1.7 the real one")});
        cache.save();
    }
    BuildCache cache(dir.file("cache.toml"));
    CHECK(cache.lookup(out, {42}));
    CHECK_FALSE(cache.lookup(out, {43}));
    CHECK_FALSE(cache.lookup(out, {42, "brand.toml"}));  // another brand file (a nearer brand.toml appeared)
    dir.write("x.pdf", "%PDF-1.7 the real onE");
    CHECK_FALSE(cache.lookup(out, {42}));
}

TEST_CASE("a leaflet's record is of another run under another leafpress", "[cache]") {
    Diagnostics d;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, d);
    const RunSettings settings{"", {2026, 3, 1}, WarningPolicy::Allow};
    const auto key_by = [&](const std::string& id) { return RunKey(engine, settings, id).value(); };
    CHECK(key_by("0123abcd") == key_by("0123abcd"));
    CHECK(key_by("0123abcd") != key_by("0123abce"));
    // By default the leafpress that hashes is the running program, named by its build id.
    const std::string self = executable_build_id();
    REQUIRE(self.size() >= 16);
    CHECK(self == executable_build_id());
    CHECK(RunKey(engine, settings).value() == key_by(self));
}

TEST_CASE("a font file changed in place, or patterns installed, make another run key", "[cache]") {
    TempDir dir;
    std::filesystem::create_directories(dir.file("fonts"));
    std::filesystem::create_directories(dir.file("hyphen"));
    for (const auto& e : std::filesystem::directory_iterator(test::fonts_dir()))
        std::filesystem::copy_file(e.path(), dir.file("fonts/" + e.path().filename().string()));
    Diagnostics d;
    Engine::Paths paths{test::repo_dir() + "/layouts", dir.file("fonts")};
    paths.hyphen_dir = dir.file("hyphen");
    Engine engine(paths, d);
    const RunSettings settings{"", {2026, 3, 1}, WarningPolicy::Allow};
    const std::uint64_t before = RunKey(engine, settings).value();
    CHECK(RunKey(engine, settings).value() == before);
    // A font's bytes replaced by another version of the same size and time.
    const auto font = std::filesystem::directory_iterator(dir.file("fonts"))->path().string();
    replace_in_place(font, 1000);
    const std::uint64_t replaced = RunKey(engine, settings).value();
    CHECK(replaced != before);
    // Hyphenation patterns for a language that had none: a build of it read none, and would now.
    std::filesystem::copy_file("/usr/share/hyphen/hyph_en_US.dic", dir.file("hyphen/hyph_en_US.dic"));
    CHECK(RunKey(engine, settings).value() != replaced);
}

TEST_CASE("a translation file added for a language makes another run key", "[cache]") {
    TempDir dir;
    std::filesystem::create_directories(dir.file("translations"));
    std::filesystem::copy_file(test::translations_dir() + "/en.toml", dir.file("translations/en.toml"));
    Diagnostics d;
    Engine::Paths paths{test::repo_dir() + "/layouts", test::fonts_dir()};
    paths.translations_dir = dir.file("translations");
    Engine engine(paths, d);
    const RunSettings settings{"", {2026, 3, 1}, WarningPolicy::Allow};
    const std::uint64_t before = RunKey(engine, settings).value();
    // A Spanish leaflet read en.toml (Spanish had no file); now Spanish has one.
    std::filesystem::copy_file(test::translations_dir() + "/es.toml", dir.file("translations/es.toml"));
    CHECK(RunKey(engine, settings).value() != before);
}

TEST_CASE("a changed figure makes its leaflets stale, and the record holds only what the build read", "[cache]") {
    TempDir dir;
    Diagnostics d;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, d);
    std::filesystem::copy_file(test::data_dir() + "/logo.jpg", dir.file("logo.jpg"));
    std::filesystem::copy_file(test::data_dir() + "/logo.png", dir.file("chart.png"));
    dir.write("brand.toml", "name = \"Clinic\"\nphone = \"(555) 010-0199\"\nlogo = \"logo.jpg\"\n");
    const std::string content = dir.write("figure.toml",
                                          "title = \"Pictures\"\n[[section]]\nbody = \"\"\"\nText.\n\n"
                                          "![A chart](chart.png \"A caption\")\n\"\"\"\n");
    dir.write("unused.png", bytes_of(test::data_dir() + "/logo.png"));
    const RunSettings settings{"", {2026, 3, 1}, WarningPolicy::Allow};
    BuildRequest request{content, "a4"};
    request.today = settings.today;
    const std::string out = dir.file("figure.pdf");
    BuildCache cache(dir.file("cache.toml"));
    const BuildCache::Entry entry = build_and_record(request, engine, settings, out);
    cache.store(out, entry);
    std::vector<std::string> read;
    for (const auto& r : entry.reads) read.push_back(std::filesystem::path(r.path).filename().string());
    std::sort(read.begin(), read.end());
    CHECK(read == std::vector<std::string>{"a4.toml", "brand.toml", "chart.png", "en.toml", "figure.toml",
                                           "hyph_en_US.dic", "logo.jpg"});
    const BuildCache::Now now{RunKey(engine, settings).value(), dir.file("brand.toml"), settings.today};
    CHECK(BuildCache(dir.file("cache.toml")).lookup(out, now).has_value() == false);  // not saved yet
    CHECK(cache.lookup(out, now));
    cache.save();
    // A file the build did not read changes nothing.
    replace_in_place(dir.file("unused.png"), 100);
    CHECK(BuildCache(dir.file("cache.toml")).lookup(out, now));
    // The figure's picture changed in place, its size and time as they were: stale.
    replace_in_place(dir.file("chart.png"), 100);
    CHECK_FALSE(BuildCache(dir.file("cache.toml")).lookup(out, now));
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
        "x.toml",
        "title = \"T\"\nlanguage = \"en-US\"\n[[section]]\nbody = \"Extraordinarily comprehensive considerations.\"\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(30));  // a clock tick after the files were written
    const std::int64_t started = file_clock_now();
    BuildRequest request{.content = content, .layout = "a4"};
    request.today = {2026, 3, 1};
    const BuildResult r = build_leaflet(request, engine);
    REQUIRE(r.output);
    CHECK(std::find(r.inputs.begin(), r.inputs.end(), patterns) != r.inputs.end());
    const auto reads = stamp_reads(r.inputs, started);
    REQUIRE(reads);
    CHECK(reads->size() == r.inputs.size());
    // A file changed while the build ran (after it started): the build is not to be recorded.
    const std::int64_t before_edit = file_clock_now();
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    dir.write("edited.toml", "x = 1\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK_FALSE(stamp_reads({dir.file("edited.toml")}, before_edit));
    CHECK(stamp_reads({dir.file("edited.toml")}, file_clock_now()));
    // A file dated in the future (unpacked from an archive, a clock set wrong) was not written
    // while the build ran: it is recorded, not rebuilt on every batch.
    const auto in_a_day = std::filesystem::last_write_time(dir.file("edited.toml")) + std::chrono::hours(24);
    std::filesystem::last_write_time(dir.file("edited.toml"), in_a_day);
    CHECK(stamp_reads({dir.file("edited.toml")}, before_edit));

    const std::string out = dir.write("x.pdf", "%PDF-1.7 the one written");
    {
        BuildCache cache(dir.file("cache.toml"));
        cache.store(
            out,
            {.run = 42, .reads = *reads, .pages = 1, .bytes = 24, .output = hash_bytes("%PDF-1.7 the one written")});
        cache.save();
    }
    CHECK(BuildCache(dir.file("cache.toml")).lookup(out, {42}));
    // The patterns replaced by a newer version of the same size and time (a package keeps the
    // times its files were built with): the output is stale.
    const std::string original = bytes_of(patterns);
    replace_in_place(patterns, original.size() / 2);
    CHECK_FALSE(BuildCache(dir.file("cache.toml")).lookup(out, {42}));
    // Put back as it was (byte for byte), the record holds again: it is the bytes that count.
    std::ofstream(patterns, std::ios::binary) << original;
    CHECK(BuildCache(dir.file("cache.toml")).lookup(out, {42}));
    // Replaced by another size: stale.
    std::ofstream(patterns, std::ios::app) << "\n";
    CHECK_FALSE(BuildCache(dir.file("cache.toml")).lookup(out, {42}));
    // So it is when a file read is gone.
    std::filesystem::remove(patterns);
    CHECK_FALSE(BuildCache(dir.file("cache.toml")).lookup(out, {42}));
}

TEST_CASE("a failed flush says why, as a value the thread that tried returns", "[cache]") {
    const std::error_code missing = sync_outputs("/nonexistent/leafpress-out");
    errno = 0;  // another thread's errno, or a later call's, does not change what it said
    CHECK(missing == std::errc::no_such_file_or_directory);
    CHECK_FALSE(sync_outputs(std::filesystem::temp_directory_path().string()));
}
