#include <catch2/catch.hpp>

#include <fstream>

#include "cli/build_cache.hpp"
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
