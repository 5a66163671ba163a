#include "cli/output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <filesystem>

#include "core/files.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

constexpr std::string_view kTempMark = ".leafpress-";  // .<name>.leafpress-<pid>-XXXXXX

std::string error_text() { return std::strerror(errno); }

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
    const fs::path x = fs::absolute(a, ec).lexically_normal(), y = fs::absolute(b, ec).lexically_normal();
    return x == y;
}

namespace {
std::string normal_path(const std::string& p) {
    std::error_code ec;
    return fs::absolute(p, ec).lexically_normal().string();
}
}  // namespace

InputFiles::InputFiles(const std::vector<std::string>& inputs) {
    for (const auto& in : inputs) {
        struct stat st {};
        const std::string path = normal_path(in);
        by_path_.emplace(path, in);
        if (::stat(in.c_str(), &st) == 0) by_inode_.emplace(std::pair<std::uint64_t, std::uint64_t>{st.st_dev, st.st_ino}, in);
        else missing_.emplace(path, in);
    }
}

const std::string* InputFiles::replaced_by(const std::string& output) const {
    struct stat st {};
    const std::string path = normal_path(output);
    if (::stat(output.c_str(), &st) == 0) {
        if (auto it = by_inode_.find({st.st_dev, st.st_ino}); it != by_inode_.end()) return &it->second;
        if (auto it = missing_.find(path); it != missing_.end()) return &it->second;
        return nullptr;
    }
    if (auto it = by_path_.find(path); it != by_path_.end()) return &it->second;
    return nullptr;
}

bool check_output_path(const std::string& path, const std::vector<std::string>& inputs, Diagnostics& diags) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return true;  // a new file
        diags.error("output.path", {path, 0, 0}, "cannot write here: " + error_text());
        return false;
    }
    if (S_ISLNK(st.st_mode)) {
        diags.error("output.path", {path, 0, 0}, "the output is a symbolic link; leafpress does not write through one",
                    "give the path of the file itself, or a new path");
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error("output.path", {path, 0, 0},
                    S_ISDIR(st.st_mode) ? "the output is a folder" : "the output is a device or pipe, not a file",
                    "give the path of a .pdf file");
        return false;
    }
    for (const auto& in : inputs) {
        if (!in.empty() && same_file(path, in)) {
            diags.error("output.overwrites-input", {path, 0, 0}, "the output is one of the build's inputs (" + in + ")",
                        "give the output a path of its own, such as a .pdf next to it");
            return false;
        }
    }
    return true;
}

namespace {

// Whether `path` is a regular file holding exactly `bytes` (flushed to the disk too, when asked).
bool holds(const std::string& path, const std::vector<std::uint8_t>& bytes, Durability durability) {
    const FileRead there = read_regular_file(path, bytes.size());  // a larger file is not read
    if (!there.bytes || there.size != bytes.size() || !std::equal(bytes.begin(), bytes.end(), there.bytes->begin(),
                                                                  there.bytes->end(),
                                                                  [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); }))
        return false;
    if (durability != Durability::Now) return true;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    return synced;
}

}  // namespace

bool write_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes, Diagnostics& diags,
                      Durability durability) {
    // A file that already holds these bytes is left as it is, its date too: a rebuild that
    // makes the same PDF changes nothing a print shop's copy or sync would see.
    if (holds(path, bytes, durability)) return true;
    const bool sync_now = durability == Durability::Now;
    const fs::path target(path);
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    std::string tmpl = (dir / ("." + target.filename().string() + std::string(kTempMark) + std::to_string(::getpid()) +
                               "-XXXXXX"))
                           .string();
    const int fd = mkstemp(tmpl.data());
    if (fd < 0) {
        diags.error("output.write", {path, 0, 0}, "cannot create a file in " + dir.string() + ": " + error_text());
        return false;
    }
    const auto fail = [&](const std::string& what) {
        diags.error("output.write", {path, 0, 0}, what + ": " + error_text());
        ::close(fd);
        ::unlink(tmpl.c_str());
        return false;
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || (sync_now && ::fsync(fd) != 0)) return fail("cannot write");
    if (::close(fd) != 0) {
        diags.error("output.write", {path, 0, 0}, "cannot write: " + error_text());
        ::unlink(tmpl.c_str());
        return false;
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        diags.error("output.write", {path, 0, 0}, "cannot write: " + error_text());
        ::unlink(tmpl.c_str());
        return false;
    }
    // The rename itself reaches the disk with the folder.
    if (!sync_now) return true;
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

std::error_code sync_outputs(const std::string& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return {errno, std::generic_category()};
    const std::error_code result = ::syncfs(fd) == 0 ? std::error_code() : std::error_code(errno, std::generic_category());
    ::close(fd);
    return result;
}

std::string page_picture(const std::string& prefix, std::size_t page) {
    return prefix + "-" + std::to_string(page) + ".png";
}

std::size_t write_page_pictures(const std::string& prefix, const std::vector<std::vector<std::uint8_t>>& pictures,
                                const std::vector<std::string>& inputs, Durability durability, Diagnostics& diags) {
    std::size_t written = 0;
    for (const auto& png : pictures) {
        const std::string path = page_picture(prefix, written + 1);
        if (!check_output_path(path, inputs, diags) || !write_atomically(path, png, diags, durability)) break;
        ++written;
    }
    for (std::size_t n = written + 1;; ++n) {
        std::error_code ec;
        const fs::path old = page_picture(prefix, n);
        if (!fs::is_regular_file(fs::symlink_status(old, ec)) || !fs::remove(old, ec)) break;
    }
    return written;
}

int remove_stale_temporaries(const std::string& dir) {
    int removed = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
        const std::string name = e.path().filename().string();
        const auto mark = name.rfind(kTempMark);
        if (name.empty() || name[0] != '.' || mark == std::string::npos) continue;
        // <pid>-XXXXXX after the mark.
        const std::string rest = name.substr(mark + kTempMark.size());
        const auto dash = rest.find('-');
        if (dash == std::string::npos || dash == 0 || rest.size() - dash - 1 != 6) continue;
        char* end = nullptr;
        const long pid = std::strtol(rest.c_str(), &end, 10);
        if (end != rest.c_str() + dash || pid <= 0) continue;
        if (pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code rm;
            if (e.is_regular_file(rm) && fs::remove(e.path(), rm)) ++removed;
        }
    }
    return removed;
}

}  // namespace leafpress
