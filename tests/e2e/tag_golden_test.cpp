// Tag-tree golden tests (Typst's tests/suite/pdftags): many small leaflets in
// tests/data/tags/cases/, each built to a PDF and its structure tree read back from the bytes
// twice, by scripts/pdfua-check --tags (pikepdf: types, /Lang and the text of each element) and
// by libqpdf (tests/pdf_read.hpp: /Alt, attributes, pages of the marked content, annotations,
// the ParentTree), compared with <case>.<layout>.txt beside it.
//
// A case's first comment lines may say how it is built:
//   # layouts: a4 trifold        (default: a4)
//   # brand: ../../taglines/brand.toml   (default: the nearest brand.toml)
//   # options: --print
// LEAFPRESS_UPDATE_GOLDEN=1 prints each difference and writes the expected file anew.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/run.hpp"
#include "pdf_read.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

struct Case {
    fs::path content;
    std::vector<std::string> layouts{"a4"};
    std::string extra;  // further command-line arguments
};

// The directives of the comment lines at the top of a case.
Case read_case(const fs::path& path) {
    Case c;
    c.content = path;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) {
        auto value_of = [&](const std::string& key) -> std::optional<std::string> {
            const std::string prefix = "# " + key + ":";
            if (line.rfind(prefix, 0) != 0) return std::nullopt;
            return line.substr(prefix.size());
        };
        if (auto v = value_of("layouts")) c.layouts = words(*v);
        if (auto v = value_of("brand")) c.extra += " --brand " + quote((path.parent_path() / words(*v).at(0)).string());
        if (auto v = value_of("options")) c.extra += " " + *v;
    }
    return c;
}

std::vector<Case> cases() {
    std::vector<Case> out;
    for (const auto& entry : fs::directory_iterator(data_dir() + "/tags/cases"))
        if (entry.path().extension() == ".toml" && entry.path().filename() != "brand.toml")
            out.push_back(read_case(entry.path()));
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.content < b.content; });
    return out;
}

bool updating() {
    const char* u = std::getenv("LEAFPRESS_UPDATE_GOLDEN");
    return u && std::string(u) == "1";
}

// What a reader of the PDF sees of its tags, by both readers.
std::string read_back(const std::string& pdf) {
    auto tags = run(quote(repo_dir() + "/scripts/pdfua-check") + " --tags " + quote(pdf));
    return "# scripts/pdfua-check --tags (exit " + std::to_string(tags.status) + ")\n" + tags.out +
           "# read with libqpdf\n" + structure_dump(slurp(pdf));
}

}  // namespace

TEST_CASE("tag trees read back from the PDF bytes match the expected trees of the small leaflets",
          "[e2e][tags][golden]") {
    TempDir dir;
    const auto all = cases();
    REQUIRE(all.size() >= 15);
    int compared = 0;
    for (const auto& c : all) {
        for (const auto& layout : c.layouts) {
            const std::string name = c.content.stem().string() + "." + layout;
            CAPTURE(name);
            const std::string pdf = dir.file(name + ".pdf");
            auto b =
                run(cli("build " + quote(c.content.string()) + " -o " + quote(pdf) + " --layout " + layout + c.extra));
            INFO(b.err);
            REQUIRE(b.status == 0);
            const std::string got = read_back(pdf);
            const std::string expected_path = (c.content.parent_path() / (name + ".txt")).string();
            const std::string expected = slurp(expected_path);
            if (got != expected) {
                const std::string got_path = dir.write(name + ".got", got);
                auto diff = run("diff -u " + quote(expected_path) + " " + quote(got_path));
                if (updating()) {
                    std::ofstream(expected_path, std::ios::binary) << got;
                    WARN("rewrote " << expected_path << "\n" << diff.out);
                } else {
                    INFO("the tag tree differs (LEAFPRESS_UPDATE_GOLDEN=1 rewrites it after showing this):\n"
                         << diff.out);
                    CHECK(got == expected);
                }
            }
            ++compared;
        }
    }
    CHECK(compared >= 15);
}

TEST_CASE("the tag-tree dump tells a wrong tree from the right one", "[e2e][tags][golden]") {
    // The same leaflet without its figure's alt text, or with a list where a paragraph was, does
    // not read back as the expected tree: the comparison above can fail.
    TempDir dir;
    dir.write("brand.toml", slurp(data_dir() + "/tags/cases/brand.toml"));
    const std::string logo = dir.write("figure.png", slurp(data_dir() + "/tags/cases/figure.png"));
    const std::string expected = slurp(data_dir() + "/tags/cases/figure.a4.txt");
    REQUIRE_FALSE(expected.empty());
    std::string content = slurp(data_dir() + "/tags/cases/figure.toml");
    const auto at = content.find("A knee joint");
    REQUIRE(at != std::string::npos);
    content.replace(at, 12, "A hip joint!");
    const std::string path = dir.write("figure.toml", content);
    auto b = run(cli("build " + quote(path) + " -o " + quote(dir.file("f.pdf"))));
    REQUIRE(b.status == 0);
    const std::string got = read_back(dir.file("f.pdf"));
    CHECK(got != expected);
    CHECK(got.find("Alt=\"A hip joint!") != std::string::npos);
}
