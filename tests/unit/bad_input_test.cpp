// Every bad input in tests/data/bad/, with the diagnostic leafpress must give for it: its
// severity, its code and the exact file, line and column (expected.tsv). An error means no PDF.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "pipeline/build.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

struct Row {
    std::string content, option, severity, code, where;
    std::string errors;  // optional: how many errors in all, repeats counted ("1": this one alone)
};

std::vector<Row> rows() {
    std::ifstream in(test::data_dir() + "/bad/expected.tsv");
    std::vector<Row> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Row r;
        std::getline(fields, r.content, '\t');
        std::getline(fields, r.option, '\t');
        std::getline(fields, r.severity, '\t');
        std::getline(fields, r.code, '\t');
        std::getline(fields, r.where, '\t');
        std::getline(fields, r.errors, '\t');
        out.push_back(r);
    }
    return out;
}

}  // namespace

TEST_CASE("bad inputs: each gives its diagnostic at its place, and an error gives no PDF", "[bad]") {
    const std::string dir = test::data_dir() + "/bad/";
    Diagnostics setup;
    Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, setup);
    REQUIRE_FALSE(setup.has_errors());
    const auto table = rows();
    REQUIRE(table.size() >= 70);
    for (const Row& row : table) {
        CAPTURE(row.content, row.option, row.code, row.where);
        BuildRequest request;
        request.content = dir + row.content;
        request.today = {2026, 11, 25};
        if (row.option.starts_with("--brand ")) request.brand = dir + row.option.substr(8);
        if (row.option.starts_with("--layout ")) request.layout = dir + row.option.substr(9);
        const BuildResult result = build_leaflet(request, engine);
        INFO(test::messages(result.diags));
        const bool error = row.severity == "error";
        const auto found = std::find_if(result.diags.all().begin(), result.diags.all().end(), [&](const Diagnostic& d) {
            return d.code == row.code && (d.severity == Severity::Error) == error &&
                   format(d).starts_with(dir + row.where + ": " + row.severity + ": ");
        });
        CHECK(found != result.diags.all().end());
        if (!row.errors.empty()) {
            std::size_t errors = 0;
            for (const auto& d : result.diags.all())
                if (d.severity == Severity::Error) errors += static_cast<std::size_t>(d.count);
            CHECK(errors == std::stoul(row.errors));
        }
        if (error) CHECK_FALSE(result.output);
    }
}
