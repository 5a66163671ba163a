// A batch's progress on a terminal: a bar, the count, the rate and the time left, redrawn on one
// line at most ten times a second. Quiet when standard error is not a terminal (piped, in CI).
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace leafpress {

enum class ProgressDisplay { Terminal, Quiet };

class Progress {
public:
    // `total` jobs, of which `done` need no work (up to date).
    Progress(std::size_t total, std::size_t done, ProgressDisplay display);
    // One more job finished; `name` is what it made.
    void step(const std::string& name);
    // One more job that needed no work (up to date).
    void skip() {
        ++done_;
        ++start_done_;
    }
    // Clears the line.
    void finish();

    // The line as drawn, for a terminal `width` columns wide (tests call it directly).
    [[nodiscard]] static std::string line(std::size_t done, std::size_t total, std::size_t built, double seconds,
                                          const std::string& name, int width);

private:
    std::size_t total_, done_, start_done_;
    ProgressDisplay display_;
    std::chrono::steady_clock::time_point start_, drawn_;
};

}  // namespace leafpress
