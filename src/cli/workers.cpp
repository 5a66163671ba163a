#include "cli/workers.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <optional>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>

#include "cli/output.hpp"
#include "cli/output_plan.hpp"
#include "core/c_handle.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

// In a worker process: builds one job, writes its PDF and returns what the parent records, and
// the job's thumbnails in `svg`.
nlohmann::json build_job(const Job& job, Engine& engine, const RunSettings& s, std::string& svg) {
    // A fault for the tests of crash isolation: the named leaflet's worker dies as a crash would.
    if (const char* fault = std::getenv("LEAFPRESS_TEST_CRASH"); fault && fs::path(job.content).stem() == fault)
        std::abort();
    // And one whose build never ends, for the tests of the time limit.
    if (const char* hang = std::getenv("LEAFPRESS_TEST_HANG"); hang && fs::path(job.content).stem() == hang)
        for (;;) ::pause();
    const auto t0 = std::chrono::steady_clock::now();
    const std::int64_t started = file_clock_now();
    BuildRequest request = request_for(s, job.content, job.layout, job.brand);
    request.thumbnail_dpi = kThumbnailDpi;
    BuildResult r = build_leaflet(request, engine);
    const std::vector<std::uint8_t>* pdf = r.output ? &r.output->files.at(0) : nullptr;
    if (pdf && (!check_outputs(one_output(job.output, OutputKind::Leaflet, r.inputs), r.diags) ||
                !write_atomically(job.output, *pdf, r.diags, Durability::AtNextSync)))
        pdf = nullptr;
    // Pictures for the contact sheet, which the parent puts in it (and keeps for a later batch
    // to show while the leaflet is up to date).
    if (pdf) svg = join_thumbnails(r.thumbnails);
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& d : r.diags.all()) findings.push_back(to_json(d));
    const std::uint64_t hash =
        pdf ? hash_bytes(std::string_view(reinterpret_cast<const char*>(pdf->data()), pdf->size())) : 0;
    // Every file the build read, as it read them (null: one changed while it did).
    nlohmann::json reads = nullptr;
    if (const auto stamps = pdf ? stamp_reads(r.inputs, started) : std::nullopt) {
        reads = nlohmann::json::array();
        for (const auto& st : *stamps) reads.push_back({st.path, st.size, st.mtime, st.hash});
    }
    const ReviewStamp review = review_stamp(r.reviewed, r.next_review, s.today);
    const auto iso = [](const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); };
    return {{"built", pdf != nullptr},
            {"reads", std::move(reads)},
            {"brand", r.brand_file},
            {"review", {iso(review.reviewed), iso(review.next_review), static_cast<int>(review.state)}},
            {"layout", r.layout_name},
            {"pages", r.pages},
            {"bytes", pdf ? pdf->size() : 0},
            {"hash", hash},
            {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()},
            {"findings", std::move(findings)}};
}

bool write_all(int fd, const char* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool read_all(int fd, char* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// A worker's life: read a job's number, build it, report on the pipe (the report's length, the
// report, the thumbnails' length, the thumbnails), until the parent closes the job pipe or `kJobsPerWorker` are done;
// exit without running the parent's destructors or flushing its buffers. A worker lives for many jobs so that what it
// learns (shaped words, hyphenation patterns, faces made ready for subsetting) serves the next leaflet too; it is
// replaced now and then all the same, so that what a library might leak stays bounded.
constexpr int kJobsPerWorker = 1000;

// Jobs a worker is given ahead: it reads its next job while the parent records the last.
constexpr std::size_t kJobsAhead = 2;

[[noreturn]] void work(int jobs_fd, int results_fd, const std::vector<Job>& jobs, Engine& engine,
                       const RunSettings& s) {
    for (int done = 0; done < kJobsPerWorker; ++done) {
        std::uint32_t index = 0;
        if (!read_all(jobs_fd, reinterpret_cast<char*>(&index), sizeof index) || index >= jobs.size()) break;
        std::string out, svg;
        try {
            out = build_job(jobs[index], engine, s, svg).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        } catch (const std::exception& e) {
            svg.clear();
            const Diagnostic d{Severity::Error,
                               "internal.error",
                               {jobs[index].content, 0, 0},
                               std::string("internal error: ") + e.what(),
                               "please report this with the input files",
                               1};
            out = nlohmann::json{{"built", false}, {"findings", nlohmann::json::array({to_json(d)})}}.dump(
                -1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
        const auto size = static_cast<std::uint32_t>(out.size());
        const auto svg_size = static_cast<std::uint32_t>(svg.size());
        out.insert(0, reinterpret_cast<const char*>(&size), sizeof size);
        out.append(reinterpret_cast<const char*>(&svg_size), sizeof svg_size);
        out += svg;
        if (!write_all(results_fd, out.data(), out.size())) break;
    }
    ::_exit(0);
}

// A job that ended without a result: it fails alone, and is not recorded.
void fail_alone(Job& job, const std::string& code, const std::string& how, const std::string& hint, BuildCache& cache) {
    job.status = Status::Failed;
    job.svg.clear();
    job.thumbnail_count = 0;
    job.findings = {
        {Severity::Error, code, {job.content, 0, 0}, how + "; the other leaflets are not affected", hint, 1}};
    cache.forget(job.output);
}

// The record of a job built as its worker reports it; nullopt when the build saw a file change
// while it read it (the next batch builds it again).
std::optional<BuildCache::Entry> entry_of(const Job& job, const nlohmann::json& r, std::uint64_t run) {
    const auto reads = r.find("reads");
    const auto review = r.find("review");
    if (reads == r.end() || !reads->is_array() || review == r.end() || !review->is_array() || review->size() != 3)
        return std::nullopt;
    BuildCache::Entry e;
    e.run = run;
    e.brand = r.value("brand", std::string());
    const auto date = [](const nlohmann::json& iso) -> std::optional<Date> {
        Date d;
        if (!iso.is_string() ||
            std::sscanf(iso.get<std::string>().c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3)
            return std::nullopt;
        return d;
    };
    e.review = {date((*review)[0]), date((*review)[1]), static_cast<ReviewState>((*review)[2].get<int>())};
    for (const auto& st : *reads)
        if (st.is_array() && st.size() == 4 && st[0].is_string() && st[1].is_number_unsigned() &&
            st[2].is_number_integer() && st[3].is_number_unsigned())
            e.reads.push_back({st[0].get<std::string>(), st[1].get<std::uint64_t>(), st[2].get<std::int64_t>(),
                               st[3].get<std::uint64_t>()});
    e.pages = job.pages;
    e.bytes = job.bytes;
    e.output = job.pdf_hash;
    e.findings = job.findings;
    return e;
}

// What a worker's report (or its death) means for its job.
void finish_job(Job& job, const std::string& message, std::string svg, int wait_status, std::uint64_t run,
                BuildCache& cache) {
    const nlohmann::json r = nlohmann::json::parse(message, nullptr, false);
    if (r.is_discarded() || !r.is_object() || !WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
        std::string how = "the build stopped without a result";
        if (WIFSIGNALED(wait_status))
            how = "the build crashed (signal " + std::to_string(WTERMSIG(wait_status)) + ", " +
                  strsignal(WTERMSIG(wait_status)) + ")";
        fail_alone(job, "internal.crash", how, "please report this with the input files", cache);
        return;
    }
    if (const auto name = r.value("layout", std::string()); !name.empty()) job.layout_name = name;
    job.pages = r.value("pages", 0);
    job.bytes = r.value("bytes", std::size_t{0});
    job.seconds = r.value("seconds", 0.0);
    job.svg = std::move(svg);
    job.thumbnail_count = count_thumbnails(job.svg);
    job.pdf_hash = r.value("hash", std::uint64_t{0});
    job.findings.clear();
    if (r.contains("findings"))
        for (const auto& d : r["findings"]) job.findings.push_back(diagnostic_from(d));
    job.status = r.value("built", false) ? Status::Built : Status::Failed;
    auto entry = job.status == Status::Built ? entry_of(job, r, run) : std::nullopt;
    if (entry)
        cache.store(job.output, std::move(*entry));
    else
        cache.forget(job.output);
}

struct Worker {
    pid_t pid = -1;
    UniqueFd jobs_fd;                             // the parent writes job numbers here
    UniqueFd results_fd;                          // and reads reports here
    std::deque<std::size_t> jobs;                 // the jobs given to it, in order: it reports on the first
    int given = 0;                                // jobs sent to it; it leaves after kJobsPerWorker
    std::string message;                          // what has come of the current report
    std::chrono::steady_clock::time_point since;  // when it began its current job (jobs.front())
};

// A pipe whose ends close on exec (a worker's build runs no program, but a library might).
std::optional<PipeEnds> make_pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
    return PipeEnds{UniqueFd(fds[0]), UniqueFd(fds[1])};
}

std::optional<Worker> start_worker(const std::vector<Job>& jobs, const std::vector<Worker>& pool, Engine& engine,
                                   const RunSettings& s) {
    auto to_worker = make_pipe();
    if (!to_worker) return std::nullopt;
    auto from_worker = make_pipe();
    if (!from_worker) return std::nullopt;
    std::fflush(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // A batch that is killed takes its workers with it: none goes on writing PDFs that no
        // record will ever list (and, if the batch died before this line, none starts).
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(1);
        to_worker->write.reset();
        from_worker->read.reset();
        // The other workers' pipes are theirs: a copy of a job pipe held here would keep that
        // worker from ever seeing it closed. (The worker never returns, so the parent's owners
        // of these descriptors, copied into it by fork, never close them again.)
        for (const Worker& other : pool) {
            ::close(other.jobs_fd.get());
            ::close(other.results_fd.get());
        }
        work(to_worker->read.get(), from_worker->write.get(), jobs, engine, s);
    }
    // The worker's ends are the worker's.
    to_worker->read.reset();
    from_worker->write.reset();
    if (pid < 0) return std::nullopt;
    Worker w;
    w.pid = pid;
    w.jobs_fd = std::move(to_worker->write);
    w.results_fd = std::move(from_worker->read);
    return w;
}

void stop_worker(Worker& w, int* status) {
    w.jobs_fd.reset();
    w.results_fd.reset();
    int st = 0;
    while (::waitpid(w.pid, &st, 0) < 0 && errno == EINTR) {}
    if (status) *status = st;
}

}  // namespace

std::string join_thumbnails(const std::vector<std::vector<std::uint8_t>>& sides) {
    std::string out;
    for (const auto& side : sides) {
        out.append(side.begin(), side.end());
        out.push_back('\n');
    }
    return out;
}

int count_thumbnails(const std::string& svg) {
    int n = 0;
    for (std::size_t at = svg.find("<svg "); at != std::string::npos; at = svg.find("<svg ", at + 5)) ++n;
    return n;
}

const char* status_name(Status s) {
    switch (s) {
        case Status::Built: return "built";
        case Status::UpToDate: return "up-to-date";
        case Status::Failed: return "failed";
        case Status::Pending: return "pending";
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

void run_workers(std::vector<Job>& jobs, const std::function<std::optional<std::size_t>()>& next, std::size_t width,
                 std::chrono::milliseconds timeout, Engine& engine, const RunSettings& s, std::uint64_t run,
                 BuildCache& cache, const std::function<void(std::size_t)>& on_finished) {
    // A pool of `width` worker processes, each given one job at a time. A worker that dies
    // (a crash, memory running out) fails the job it was on, alone, and another takes its place.
    // A worker that died leaves its job pipe closed: writing to it must fail, not kill the batch.
    std::signal(SIGPIPE, SIG_IGN);
    std::vector<Worker> pool;
    std::deque<std::size_t> waiting;  // jobs taken from `next` and not given yet
    bool exhausted = false;           // `next` has none left
    const auto more = [&] {
        if (waiting.empty() && !exhausted) {
            if (auto j = next())
                waiting.push_back(*j);
            else
                exhausted = true;
        }
        return !waiting.empty();
    };
    const auto give = [&](Worker& w) {
        while (w.jobs.size() < kJobsAhead && w.given < kJobsPerWorker && more()) {
            const std::size_t j = waiting.front();
            const auto index = static_cast<std::uint32_t>(j);
            if (!write_all(w.jobs_fd.get(), reinterpret_cast<const char*>(&index), sizeof index))
                return;  // the worker is gone
            waiting.pop_front();
            if (w.jobs.empty()) w.since = std::chrono::steady_clock::now();
            w.jobs.push_back(j);
            ++w.given;
        }
    };
    const auto busy = [&] {
        return std::any_of(pool.begin(), pool.end(), [](const Worker& w) { return !w.jobs.empty(); });
    };
    while (more() || busy()) {
        // Workers for what is left, up to the width.
        while (pool.size() < width && more()) {
            auto w = start_worker(jobs, pool, engine, s);
            if (!w) {  // no process for it: the job fails, the batch goes on
                const std::size_t j = waiting.front();
                waiting.pop_front();
                finish_job(jobs[j], {}, {}, 0, run, cache);
                on_finished(j);
                continue;
            }
            pool.push_back(std::move(*w));
            give(pool.back());
        }
        std::vector<pollfd> polls;
        for (const auto& w : pool) polls.push_back({w.results_fd.get(), POLLIN, 0});
        if (polls.empty()) continue;
        const auto left = [&](const Worker& w) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(w.since + timeout -
                                                                         std::chrono::steady_clock::now());
        };
        // Wait for a report, or until the first job to run out of time does.
        std::chrono::milliseconds wait = std::chrono::milliseconds::max();
        for (const auto& w : pool)
            if (!w.jobs.empty()) wait = std::min(wait, std::max(left(w), std::chrono::milliseconds(0)));
        const int wait_ms = wait == std::chrono::milliseconds::max()
                                ? -1
                                : static_cast<int>(std::min<std::int64_t>(wait.count() + 1, 24 * 3600 * 1000));
        if (::poll(polls.data(), polls.size(), wait_ms) < 0) continue;  // EINTR: poll again
        // A job that ran out of time fails alone: its worker is stopped, the jobs given after it
        // wait for another.
        for (std::size_t k = pool.size(); k-- > 0;) {
            Worker& w = pool[k];
            if (w.jobs.empty() || left(w).count() > 0 || (polls[k].revents & POLLIN)) continue;
            ::kill(w.pid, SIGKILL);
            stop_worker(w, nullptr);
            const std::size_t j = w.jobs.front();
            w.jobs.pop_front();
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000);
            fail_alone(jobs[j], "internal.timeout",
                       std::string("the build took longer than ") + seconds + " s and was stopped",
                       "look for a very long leaflet or table; batch --timeout SECONDS allows more time", cache);
            on_finished(j);
            waiting.insert(waiting.begin(), w.jobs.begin(), w.jobs.end());
            pool.erase(pool.begin() + static_cast<long>(k));
            polls.erase(polls.begin() + static_cast<long>(k));
        }
        for (std::size_t k = pool.size(); k-- > 0;) {
            if (!(polls[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            Worker& w = pool[k];
            char buf[65536];
            const ssize_t n = ::read(w.results_fd.get(), buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n > 0) {
                w.message.append(buf, static_cast<std::size_t>(n));
                // A report is its length (4 bytes) and then that many bytes, and the same for
                // the thumbnails; several may have come.
                for (;;) {
                    std::uint32_t size = 0, svg_size = 0;
                    if (w.message.size() < sizeof size) break;
                    std::memcpy(&size, w.message.data(), sizeof size);
                    const std::size_t svg_at = sizeof size + size + sizeof svg_size;
                    if (w.message.size() < svg_at) break;
                    std::memcpy(&svg_size, w.message.data() + svg_at - sizeof svg_size, sizeof svg_size);
                    if (w.message.size() < svg_at + svg_size) break;
                    if (!w.jobs.empty()) {
                        const std::size_t j = w.jobs.front();
                        w.jobs.pop_front();
                        w.since = std::chrono::steady_clock::now();  // its next job, already given, begins
                        finish_job(jobs[j], w.message.substr(sizeof size, size), w.message.substr(svg_at, svg_size), 0,
                                   run, cache);
                        on_finished(j);
                    }
                    w.message.erase(0, svg_at + svg_size);
                }
                give(w);
                if (!w.jobs.empty()) continue;
                // Done with this worker: it has no more to do, or has done its share.
                stop_worker(w, nullptr);
                pool.erase(pool.begin() + static_cast<long>(k));
                continue;
            }
            // The worker is gone: the job it was on failed, alone; those given after it wait
            // for another worker.
            int status = 0;
            stop_worker(w, &status);
            if (!w.jobs.empty()) {
                const std::size_t j = w.jobs.front();
                w.jobs.pop_front();
                finish_job(jobs[j], {}, {}, status, run, cache);
                on_finished(j);
                waiting.insert(waiting.begin(), w.jobs.begin(), w.jobs.end());
            }
            pool.erase(pool.begin() + static_cast<long>(k));
        }
    }
    for (auto& w : pool) stop_worker(w, nullptr);
}

}  // namespace leafpress
