// Writing outputs: whole or not at all, and a file that already holds the bytes left alone.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "cli/output.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

struct stat stat_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }

}  // namespace

TEST_CASE("write_atomically leaves a file that holds the bytes untouched, and replaces one that does not", "[output]") {
    test::TempDir dir;
    const std::string path = dir.file("leaflet.pdf");
    Diagnostics diags;
    for (const Durability d : {Durability::Now, Durability::AtNextSync}) {
        REQUIRE(write_atomically(path, bytes("%PDF-1.7 first"), diags, d));
        const struct stat first = stat_of(path);
        // The same bytes: the same file (its inode), nothing written.
        REQUIRE(write_atomically(path, bytes("%PDF-1.7 first"), diags, d));
        const struct stat same = stat_of(path);
        CHECK(same.st_ino == first.st_ino);
        CHECK(same.st_mtim.tv_sec == first.st_mtim.tv_sec);
        CHECK(same.st_mtim.tv_nsec == first.st_mtim.tv_nsec);
        // Other bytes, the same length or not: a new file in its place.
        for (const std::string other : {"%PDF-1.7 frist", "%PDF-1.7 second, longer"}) {
            const ino_t before = stat_of(path).st_ino;
            REQUIRE(write_atomically(path, bytes(other), diags, d));
            CHECK(slurp(path) == other);
            CHECK(stat_of(path).st_ino != before);
        }
        std::filesystem::remove(path);
    }
    CHECK_FALSE(diags.has_errors());
    // Nothing left behind in the folder but the file itself.
    REQUIRE(write_atomically(path, bytes("x"), diags));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);
}

TEST_CASE("write_page_pictures removes a later page's picture only when it wrote it and it is unchanged", "[output]") {
    test::TempDir dir;
    const std::string prefix = dir.file("leaflet-a4");
    const std::vector<std::vector<std::uint8_t>> three{bytes("page one"), bytes("page two"), bytes("page three")};
    Diagnostics diags;
    REQUIRE(write_page_pictures(prefix, three, {}, Durability::AtNextSync, diags) == 3);
    // A shorter version: its earlier pictures go.
    REQUIRE(write_page_pictures(prefix, {bytes("page one")}, {}, Durability::AtNextSync, diags) == 1);
    CHECK(std::filesystem::exists(prefix + "-1.png"));
    CHECK_FALSE(std::filesystem::exists(prefix + "-2.png"));
    CHECK_FALSE(std::filesystem::exists(prefix + "-3.png"));
    // A picture the user changed since, and one that is an input, stay.
    REQUIRE(write_page_pictures(prefix, three, {}, Durability::AtNextSync, diags) == 3);
    std::ofstream(prefix + "-3.png") << "the user's own";
    REQUIRE(write_page_pictures(prefix, {bytes("page one")}, {prefix + "-2.png"}, Durability::AtNextSync, diags) == 1);
    CHECK(slurp(prefix + "-2.png") == "page two");
    CHECK(slurp(prefix + "-3.png") == "the user's own");
    // Nor is a picture of the user's, never written by it, named like a later page.
    std::ofstream(prefix + "-9.png") << "another of the user's";
    REQUIRE(write_page_pictures(prefix, {bytes("page one")}, {}, Durability::AtNextSync, diags) == 1);
    CHECK(slurp(prefix + "-9.png") == "another of the user's");
    CHECK(slurp(prefix + "-3.png") == "the user's own");
    CHECK(slurp(prefix + "-2.png") == "page two");  // once an input, the user's: out of the record for good
    CHECK_FALSE(diags.has_errors());
}
