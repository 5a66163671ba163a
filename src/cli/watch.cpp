// leafpress watch: build, then build again whenever one of the leaflet's inputs changes (the
// content, the brand, the layout, a logo or figure), with the findings printed each time. The
// folders holding the inputs are watched with inotify (editors often save by writing a new file
// and renaming it over the old one); changes are debounced, so one save that touches a file
// several times builds once. A failed build leaves the last good PDF where it is.
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/output_plan.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

std::string clock_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

// The files a build depends on, as the folders to watch and the names in each.
class Watched {
public:
    explicit Watched(int fd) : fd_(fd) {}

    // Watches exactly these files' folders from now on.
    void set(const std::vector<std::string>& files) {
        std::map<std::string, std::set<std::string>> wanted;
        for (const auto& f : files) {
            if (f.empty()) continue;
            std::error_code ec;
            fs::path p = fs::absolute(f, ec).lexically_normal();
            wanted[p.parent_path().string()].insert(p.filename().string());
        }
        for (auto it = dirs_.begin(); it != dirs_.end();) {
            if (!wanted.count(it->second)) {
                inotify_rm_watch(fd_, it->first);
                it = dirs_.erase(it);
            } else {
                ++it;
            }
        }
        names_.clear();
        for (const auto& [dir, names] : wanted) {
            const int wd = inotify_add_watch(
                fd_, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB);
            if (wd < 0) {
                std::cerr << "leafpress: warning: cannot watch " << terminal_safe(dir) << ": " << std::strerror(errno)
                          << '\n';
                continue;
            }
            dirs_[wd] = dir;
            names_[wd] = names;
        }
    }

    // Reads the events waiting; true if one is about a watched file.
    bool relevant_events() {
        alignas(inotify_event) char buf[8192];
        bool relevant = false;
        for (;;) {
            const ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n <= 0) break;
            for (char* p = buf; p < buf + n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(p);
                if (e->len > 0) {
                    const auto it = names_.find(e->wd);
                    if (it != names_.end() && it->second.count(e->name)) relevant = true;
                }
                p += sizeof(inotify_event) + e->len;
            }
        }
        return relevant;
    }

private:
    int fd_;
    std::map<int, std::string> dirs_;
    std::map<int, std::set<std::string>> names_;
};

}  // namespace

int run_watch(const WatchOptions& o, Engine& engine, const RunSettings& s) {
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        std::cerr << "leafpress: error: cannot watch files (inotify): " << std::strerror(errno) << '\n';
        return 1;
    }
    Watched watched(fd);
    const std::string out = o.output.empty() ? fs::path(o.content).stem().string() + ".pdf" : o.output;
    bool last_ok = false;
    for (int builds = 1;; ++builds) {
        const auto t0 = std::chrono::steady_clock::now();
        // A rebuild reads the translation files again: the change may have been to one of them.
        Diagnostics translations;
        if (builds > 1) engine.reload_translations(translations);
        BuildResult r = build_leaflet(request_for(s, o.content, o.layout, o.brand), engine);
        r.diags.append(translations);
        if (r.output &&
            (!check_outputs(one_output(out, OutputKind::Leaflet, with_engine_files(r.inputs, engine)), r.diags) ||
             !write_atomically(out, r.output->files.at(0), r.diags)))
            r.output.reset();
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
        std::cerr << brand_note(o.content, r.brand_file, r.brand_name);
        report(r.diags);
        last_ok = r.output.has_value();
        std::error_code ec;
        if (last_ok) {
            std::cerr << "[" << clock_now() << "] wrote " << terminal_safe(out) << " (" << r.pages
                      << (r.pages == 1 ? " page, " : " pages, ") << human_size(r.output->files.at(0).size()) << ", "
                      << r.diags.warning_count() << " warnings) in " << ms << " ms\n";
        } else {
            std::cerr << "[" << clock_now() << "] " << terminal_safe(o.content) << ": not built"
                      << (fs::exists(out, ec) ? "; " + out + " is still the last good build" : std::string()) << '\n';
        }
        if (o.max_builds > 0 && builds >= o.max_builds) break;

        // What to watch: everything this build read, and a brand.toml that may yet appear
        // next to the content.
        std::vector<std::string> files = r.inputs;
        files.push_back(o.content);
        files.push_back((fs::path(o.content).parent_path() / "brand.toml").string());
        watched.set(files);
        std::cerr << "[" << clock_now() << "] watching " << o.content
                  << " and its brand, layout and pictures (Ctrl-C stops)\n";

        // Wait for a change, then for a quiet moment.
        bool changed = false;
        while (!changed) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, -1) < 0 && errno != EINTR) break;
            changed = watched.relevant_events();
        }
        for (;;) {
            pollfd p{fd, POLLIN, 0};
            const int n = ::poll(&p, 1, o.debounce_ms);
            if (n <= 0) break;
            watched.relevant_events();
        }
    }
    ::close(fd);
    return last_ok ? 0 : 1;
}

}  // namespace leafpress
