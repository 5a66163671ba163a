// Figures come from the content file's folder and below, the logo from the brand file's: a path
// that leaves the folder ("..", an absolute path, a symbolic link at any step whose target is
// outside) is refused at its place, and nothing is read from outside. The links are made here.
#include <catch2/catch.hpp>

#include <filesystem>

#include "content/load_content.hpp"
#include "core/files.hpp"
#include "style/brand.hpp"
#include "support.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

struct Case {
    const char* name;
    std::string src;  // as written in the leaflet or the brand file; "@" stands for the temp folder
    bool allowed;
};

// T/leaf holds the leaflet, the brand file and pictures; T/outside and T/leafx (its name starts
// like the leaflet's folder) hold pictures outside it.
void make_tree(const test::TempDir& t) {
    const std::string png = *read_file(test::data_dir() + "/logo.png");
    t.write_all(
        {{"leaf/inside.png", png}, {"leaf/sub/deep.png", png}, {"outside/pic.png", png}, {"leafx/pic.png", png}});
    const fs::path leaf = t.file("leaf");
    fs::create_symlink("inside.png", leaf / "link-in.png");
    fs::create_symlink(leaf / "sub", leaf / "sub-link");
    fs::create_symlink("../outside/pic.png", leaf / "link-out.png");
    fs::create_symlink(t.file("outside/pic.png"), leaf / "link-out-absolute.png");
    fs::create_symlink(t.file("outside"), leaf / "dir-out");
    fs::create_symlink(t.file("leafx/pic.png"), leaf / "link-sibling.png");
    fs::create_symlink("/etc/shadow", leaf / "shadow.png");
    fs::create_symlink("link-out.png", leaf / "link-to-link-out.png");
}

std::vector<Case> cases(const std::string& root) {
    return {
        {"a file in the folder", "inside.png", true},
        {"a file in a folder inside", "sub/deep.png", true},
        {"a '..' that stays inside", "sub/../inside.png", true},
        {"a link inside to a file inside", "link-in.png", true},
        {"a linked folder inside", "sub-link/deep.png", true},
        {"'..' out of the folder", "../outside/pic.png", false},
        {"'..' out through a folder inside", "sub/../../outside/pic.png", false},
        {"'..' out and back in", "../leaf/inside.png", false},
        {"an absolute path outside", root + "/outside/pic.png", false},
        {"an absolute path inside", root + "/leaf/inside.png", false},
        {"a link to a file outside", "link-out.png", false},
        {"an absolute link to a file outside", "link-out-absolute.png", false},
        {"a link to a link outside", "link-to-link-out.png", false},
        {"a link to a folder outside", "dir-out/pic.png", false},
        {"a link out and '..' back in", "dir-out/../leaf/inside.png", false},
        {"a link to a folder whose name starts like this one's", "link-sibling.png", false},
        {"a link to /etc/shadow", "shadow.png", false},
    };
}

}  // namespace

TEST_CASE("path_inside compares folders by components, not by their spelling", "[inside]") {
    test::TempDir t;
    make_tree(t);
    const std::string folder = t.file("leaf");
    for (const Case& c : cases(t.path())) {
        CAPTURE(c.name, c.src);
        const InsidePath p = path_inside(folder, c.src);
        CHECK(p.problem.empty() == c.allowed);
    }
    // A folder given with a trailing slash is the same folder; a folder inside holds less.
    CHECK(path_inside(folder + "/", "inside.png").problem.empty());
    CHECK_FALSE(path_inside(folder + "/sub", "../inside.png").problem.empty());
}

TEST_CASE("a figure outside the leaflet's folder is refused at the figure, and not read", "[inside][content]") {
    test::TempDir t;
    make_tree(t);
    const std::string path = t.file("leaf/leaflet.toml");
    for (const Case& c : cases(t.path())) {
        CAPTURE(c.name, c.src);
        Diagnostics d;
        const auto doc =
            load_content_text("title = \"T\"\n[[section]]\nbody = \"![A cell](" + c.src + ")\"\n", path, d);
        INFO(test::messages(d));
        REQUIRE(doc);
        const Block& figure = doc->sections.at(0).blocks.at(0);
        if (c.allowed) {
            CHECK_FALSE(d.has_errors());
            CHECK(figure.figure.image);
        } else {
            REQUIRE(d.all().size() == 1);
            CHECK(d.all()[0].code == "content.figure");
            CHECK(format(d.all()[0])
                      .starts_with(path + ":3:19: error: the figure '" + c.src + "' is outside the leaflet's folder"));
            CHECK(d.all()[0].hint.find("leaflet's folder or a folder inside it") != std::string::npos);
            CHECK_FALSE(figure.figure.image);
            CHECK(figure_files(*doc).empty());  // watch and the batch record never read it either
        }
    }
}

TEST_CASE("a logo outside the brand file's folder is refused at the logo, and not read", "[inside][brand]") {
    test::TempDir t;
    make_tree(t);
    const std::string path = t.file("leaf/brand.toml");
    for (const Case& c : cases(t.path())) {
        CAPTURE(c.name, c.src);
        t.write("leaf/brand.toml", "name = \"C\"\nphone = \"555 0100\"\nlogo = \"" + c.src + "\"\n");
        Diagnostics d;
        const auto brand = load_brand(path, d);
        INFO(test::messages(d));
        REQUIRE(brand);
        if (c.allowed) {
            CHECK_FALSE(d.has_errors());
            CHECK(brand->logo_image);
        } else {
            REQUIRE(d.all().size() == 1);
            CHECK(d.all()[0].code == "brand.logo");
            CHECK(format(d.all()[0])
                      .starts_with(path + ":3:8: error: the logo '" + c.src + "' is outside the brand file's folder"));
            CHECK_FALSE(brand->logo_image);
            CHECK(brand->logo.empty());
        }
    }
}
