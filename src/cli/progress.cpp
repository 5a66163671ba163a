#include "cli/progress.hpp"

#include "core/diagnostics.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace leafpress {

namespace {

int terminal_width() {
    winsize w{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col >= 20) return w.ws_col;
    return 80;
}

std::string duration(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace

Progress::Progress(std::size_t total, std::size_t done, ProgressDisplay display)
    : total_(total),
      done_(done),
      start_done_(done),
      display_(display),
      start_(std::chrono::steady_clock::now()),
      drawn_() {}

std::string Progress::line(std::size_t done, std::size_t total, std::size_t built, double seconds,
                           const std::string& name, int width) {
    const int bar = 24;
    const int filled = total ? static_cast<int>(bar * done / total) : bar;
    std::string s = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                    std::string(static_cast<std::size_t>(bar - filled), '.') + "] " + std::to_string(done) + "/" +
                    std::to_string(total);
    if (built > 0 && seconds > 0) {
        const double rate = static_cast<double>(built) / seconds;
        char buf[64];
        std::snprintf(buf, sizeof buf, "  %.0f/s  %s left", rate,
                      duration(static_cast<double>(total - done) / rate).c_str());
        s += buf;
    }
    s += "  " + terminal_safe(name);  // a file name may hold what a terminal acts on
    if (width > 0 && s.size() > static_cast<std::size_t>(width - 1)) s.resize(static_cast<std::size_t>(width - 1));
    return s;
}

void Progress::step(const std::string& name) {
    ++done_;
    if (display_ == ProgressDisplay::Quiet) return;
    const auto now = std::chrono::steady_clock::now();
    if (done_ < total_ && now - drawn_ < std::chrono::milliseconds(100)) return;
    drawn_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::cerr << "\r\033[K" << line(done_, total_, done_ - start_done_, seconds, name, terminal_width()) << std::flush;
}

void Progress::finish() {
    if (display_ == ProgressDisplay::Terminal) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace leafpress
