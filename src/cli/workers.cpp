#include "cli/workers.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "cli/output.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

// In a worker process: builds one job, writes its PDF and returns what the parent records.
nlohmann::json build_job(const Job& job, Engine& engine, const RunSettings& s) {
    // A fault for the tests of crash isolation: the named leaflet's worker dies as a crash would.
    if (const char* fault = std::getenv("LEAFPRESS_TEST_CRASH"); fault && fs::path(job.content).stem() == fault)
        std::abort();
    const auto t0 = std::chrono::steady_clock::now();
    BuildResult r = build_leaflet({job.content, job.layout, {}, s.source_date, s.today, s.warnings, s.output}, engine);
    if (r.pdf && (!check_output_path(job.output, r.inputs, r.diags) || !write_atomically(job.output, *r.pdf, r.diags)))
        r.pdf.reset();
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& d : r.diags.all()) findings.push_back(to_json(d));
    const std::uint64_t hash =
        r.pdf ? fnv1a(std::string_view(reinterpret_cast<const char*>(r.pdf->data()), r.pdf->size())) : 0;
    return {{"built", r.pdf.has_value()},
            {"layout", r.layout_name},
            {"pages", r.pages},
            {"bytes", r.pdf ? r.pdf->size() : 0},
            {"hash", hash},
            {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()},
            {"findings", std::move(findings)}};
}

// The worker's whole life: build, report on the pipe, exit without running the parent's
// destructors or flushing its buffers.
[[noreturn]] void work(int fd, const Job& job, Engine& engine, const RunSettings& s) {
    std::string out;
    try {
        out = build_job(job, engine, s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::exception& e) {
        const Diagnostic d{Severity::Error, "internal.error", {job.content, 0, 0},
                           std::string("internal error: ") + e.what(), "please report this with the input files", 1};
        out = nlohmann::json{{"built", false}, {"findings", nlohmann::json::array({to_json(d)})}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::write(fd, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
}

// What a worker's report (or its death) means for its job.
void finish_job(Job& job, const std::string& message, int wait_status, BuildCache& cache) {
    const nlohmann::json r = nlohmann::json::parse(message, nullptr, false);
    if (r.is_discarded() || !r.is_object() || !WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
        std::string how = "the build stopped without a result";
        if (WIFSIGNALED(wait_status))
            how = "the build crashed (signal " + std::to_string(WTERMSIG(wait_status)) + ", " +
                  strsignal(WTERMSIG(wait_status)) + ")";
        job.status = Status::Failed;
        job.findings = {{Severity::Error, "internal.crash", {job.content, 0, 0},
                         how + "; the other leaflets are not affected", "please report this with the input files", 1}};
        cache.forget(job.output);
        return;
    }
    if (const auto name = r.value("layout", std::string()); !name.empty()) job.layout_name = name;
    job.pages = r.value("pages", 0);
    job.bytes = r.value("bytes", std::size_t{0});
    job.seconds = r.value("seconds", 0.0);
    job.findings.clear();
    if (r.contains("findings"))
        for (const auto& d : r["findings"]) job.findings.push_back(diagnostic_from(d));
    if (r.value("built", false)) {
        job.status = Status::Built;
        cache.store(job.output, {job.inputs, job.pages, job.bytes, r.value("hash", std::uint64_t{0}), job.findings});
    } else {
        job.status = Status::Failed;
        cache.forget(job.output);
    }
}

struct Worker {
    pid_t pid;
    int fd;
    std::size_t job;
    std::string message;
};

}  // namespace

const char* status_name(Status s) {
    switch (s) {
        case Status::Built: return "built";
        case Status::UpToDate: return "up-to-date";
        case Status::Failed: return "failed";
    }
    return "?";
}

nlohmann::json to_json(const Diagnostic& d) {
    return {{"severity", d.severity == Severity::Error ? "error" : "warning"},
            {"code", d.code},
            {"file", d.where.file},
            {"line", d.where.line},
            {"column", d.where.column},
            {"message", d.message},
            {"hint", d.hint},
            {"count", d.count}};
}

Diagnostic diagnostic_from(const nlohmann::json& j) {
    Diagnostic d;
    d.severity = j.value("severity", std::string("error")) == "error" ? Severity::Error : Severity::Warning;
    d.code = j.value("code", std::string());
    d.where = {j.value("file", std::string()), j.value("line", 0), j.value("column", 0)};
    d.message = j.value("message", std::string());
    d.hint = j.value("hint", std::string());
    d.count = j.value("count", 1);
    return d;
}

void run_workers(std::vector<Job>& jobs, const std::vector<std::size_t>& todo, std::size_t width, Engine& engine,
                 const RunSettings& s, BuildCache& cache, const std::function<void(std::size_t)>& on_finished) {
    std::vector<Worker> running;
    std::size_t next = 0;
    while (next < todo.size() || !running.empty()) {
        while (running.size() < width && next < todo.size()) {
            const std::size_t j = todo[next++];
            int fds[2];
            pid_t pid = -1;
            if (::pipe2(fds, O_CLOEXEC) == 0) {
                std::fflush(nullptr);
                pid = ::fork();
                if (pid == 0) {
                    ::close(fds[0]);
                    work(fds[1], jobs[j], engine, s);
                }
                ::close(fds[1]);
                if (pid < 0) ::close(fds[0]);
            }
            if (pid < 0) {  // no process for it: the job fails, the batch goes on
                finish_job(jobs[j], {}, 0, cache);
                on_finished(j);
                continue;
            }
            running.push_back({pid, fds[0], j, {}});
        }
        if (running.empty()) continue;
        std::vector<pollfd> polls;
        for (const auto& w : running) polls.push_back({w.fd, POLLIN, 0});
        if (::poll(polls.data(), polls.size(), -1) < 0) continue;  // EINTR: poll again
        for (std::size_t k = running.size(); k-- > 0;) {
            if (!(polls[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            Worker& w = running[k];
            char buf[65536];
            const ssize_t n = ::read(w.fd, buf, sizeof buf);
            if (n > 0) {
                w.message.append(buf, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && errno == EINTR) continue;
            ::close(w.fd);
            int status = 0;
            while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
            }
            finish_job(jobs[w.job], w.message, status, cache);
            on_finished(w.job);
            running.erase(running.begin() + static_cast<long>(k));
        }
    }
}

}  // namespace leafpress
