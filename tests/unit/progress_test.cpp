// The batch's progress line: a bar, the count, the rate and the time left, cut to the terminal.
#include <catch2/catch.hpp>

#include "cli/progress.hpp"

using namespace leafpress;

TEST_CASE("progress: the bar, the count, the rate and the time left", "[progress]") {
    // 60 of 240 done, all built, in 2 s: 30 a second, 180 left take 6 s.
    const std::string s = Progress::line(60, 240, 60, 2.0, "out/lupus-a4.pdf", 200);
    CHECK(s == "[######..................] 60/240  30/s  0:06 left  out/lupus-a4.pdf");
    // Before anything was built there is no rate to tell.
    CHECK(Progress::line(0, 10, 0, 0.0, "x", 200) == "[........................] 0/10  x");
    // Up-to-date leaflets count as done but not in the rate: 100 of 200 were up to date, 50 built in 5 s.
    CHECK(Progress::line(150, 200, 50, 5.0, "y", 200) == "[##################......] 150/200  10/s  0:05 left  y");
    // Never wider than the terminal.
    CHECK(Progress::line(1, 2, 1, 1.0, std::string(300, 'n'), 80).size() == 79);
}
