// The plan of outputs: one check for every command's outputs, each finding worded as the
// command's users have always read it.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "cli/output_plan.hpp"
#include "support.hpp"

using namespace leafpress;
namespace fs = std::filesystem;

namespace {

// Each finding as "path: code: message | hint".
std::vector<std::string> findings(const OutputPlan& plan, bool expect_ok = false) {
    Diagnostics d;
    CHECK(check_outputs(plan, d) == expect_ok);
    std::vector<std::string> lines;
    for (const auto& f : d.all()) lines.push_back(f.where.file + ": " + f.code + ": " + f.message + " | " + f.hint);
    return lines;
}

const std::string kOneHint = "give the output a path of its own, such as a .pdf next to it";
const std::string kBatchInputHint =
    "give it a path of its own, away from the content, brand, logo, figure and layout files";

}  // namespace

TEST_CASE("a single output over one of the reads, under any spelling, is refused as the build's input", "[output]") {
    test::TempDir dir;
    const std::string brand = dir.write("brand.toml", "x"), font = dir.write("fonts/a.ttf", "f");
    CHECK(findings(one_output(dir.file("fresh.pdf"), OutputKind::Leaflet, {brand, font}), true).empty());
    CHECK(findings(one_output(dir.file("./brand.toml"), OutputKind::Leaflet, {"", brand, font})) ==
          std::vector<std::string>{dir.file("./brand.toml") +
                                   ": output.overwrites-input: the output is one of the build's inputs (" + brand +
                                   ") | " + kOneHint});
    // A new path that is a read not there yet: the same path, lexically.
    CHECK(findings(one_output(dir.file("fonts/../gone.toml"), OutputKind::Report, {dir.file("gone.toml")})) ==
          std::vector<std::string>{dir.file("fonts/../gone.toml") +
                                   ": output.overwrites-input: the output is one of the build's inputs (" +
                                   dir.file("gone.toml") + ") | " + kOneHint});
}

TEST_CASE("a single output looks at the path's kind before the reads, and a batch at the reads first", "[output]") {
    test::TempDir dir;
    const std::string brand = dir.write("brand.toml", "x");
    fs::create_symlink(brand, dir.file("link.pdf"));
    CHECK(
        findings(one_output(dir.file("link.pdf"), OutputKind::Leaflet, {brand})) ==
        std::vector<std::string>{dir.file("link.pdf") +
                                 ": output.path: the output is a symbolic link; leafpress does not write through one | "
                                 "give the path of the file itself, or a new path"});
    const std::string logo = dir.write("logo.png", "l");
    OutputPlan batch{
        OutputPlan::Scope::Batch,
        {{dir.file("link.pdf"), OutputKind::Leaflet, "a.toml (layout a4)"}, {logo, OutputKind::Report, {}}},
        {brand, logo}};
    CHECK(
        findings(batch) ==
        std::vector<std::string>{
            dir.file("link.pdf") + ": output.overwrites-input: the output would replace the input " + brand + " | " +
                kBatchInputHint,
            logo + ": output.overwrites-input: the report would replace the input " + logo + " | " + kBatchInputHint});
    // Not an input: a folder, a pipe.
    fs::create_directories(dir.file("folder.pdf"));
    REQUIRE(::mkfifo(dir.file("pipe.pdf").c_str(), 0600) == 0);
    batch.outputs = {{dir.file("folder.pdf"), OutputKind::ContactSheet, {}},
                     {dir.file("pipe.pdf"), OutputKind::BuildRecord, {}}};
    CHECK(findings(batch) ==
          std::vector<std::string>{
              dir.file("folder.pdf") + ": output.path: the output is a folder | give the path of a .pdf file",
              dir.file("pipe.pdf") +
                  ": output.path: the output is a device or pipe, not a file | give the path of a .pdf file"});
}

TEST_CASE("two outputs planned at one file are a collision, named by what each is", "[output]") {
    test::TempDir dir;
    const OutputPlan plan{OutputPlan::Scope::Batch,
                          {{dir.file("out/x.pdf"), OutputKind::Leaflet, "a/x.toml (layout a4)"},
                           {dir.file("out/./x.pdf"), OutputKind::Leaflet, "b/x.toml (layout a4)"},
                           {dir.file("out/index.html"), OutputKind::ContactSheet, {}},
                           {dir.file("out/x.pdf"), OutputKind::Report, {}},
                           {dir.file("out/index.html"), OutputKind::Thumbnails, {}}},
                          {}};
    CHECK(findings(plan) ==
          std::vector<std::string>{
              dir.file("out/./x.pdf") +
                  ": batch.collision: two leaflets would be written here: a/x.toml (layout a4) and b/x.toml "
                  "(layout a4) | rename one of the content or layout files, or build them into separate "
                  "output folders",
              dir.file("out/x.pdf") +
                  ": batch.collision: two outputs would be written here: the leaflet a/x.toml (layout a4) and "
                  "the report | give the report a path of its own, outside the output folder's leaflets, "
                  "index.html, .leafpress-cache.toml and .leafpress-thumbnails",
              dir.file("out/index.html") +
                  ": batch.collision: two outputs would be written here: the contact sheet and the kept "
                  "thumbnails | give the report a path of its own, outside the output folder's "
                  "leaflets, index.html, .leafpress-cache.toml and .leafpress-thumbnails"});
}

TEST_CASE("a leaflet's page pictures are planned with their record first, and every one is checked", "[output]") {
    test::TempDir dir;
    const std::string font = dir.write("fonts/leaf-a4-2.png", "the home's");
    const std::string record = dir.write("fonts/.leafpress-pictures", "");
    const OutputPlan plan = picture_outputs(dir.file("fonts/leaf-a4"), 3, {record, font});
    REQUIRE(plan.outputs.size() == 4);
    CHECK(plan.outputs[0].kind == OutputKind::PictureRecord);
    CHECK(plan.outputs[3].path == dir.file("fonts/leaf-a4-3.png"));
    const auto found = findings(plan);
    REQUIRE(found.size() == 2);
    CHECK(found[0].starts_with(record + ": output.overwrites-input: the output is one of the build's inputs"));
    CHECK(found[1].starts_with(font + ": output.overwrites-input:"));
}
