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
#include <map>

#include <xxhash.h>

#include "cli/output_plan.hpp"
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
        if (::stat(in.c_str(), &st) == 0)
            by_inode_.emplace(std::pair<std::uint64_t, std::uint64_t>{st.st_dev, st.st_ino}, in);
        else
            missing_.emplace(path, in);
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

namespace {

// Whether `path` is a regular file holding exactly `bytes` (flushed to the disk too, when asked).
bool holds(const std::string& path, const std::vector<std::uint8_t>& bytes, Durability durability) {
    const FileRead there = read_regular_file(path, bytes.size());  // a larger file is not read
    if (!there.bytes || there.size != bytes.size() ||
        !std::equal(bytes.begin(), bytes.end(), there.bytes->begin(), there.bytes->end(),
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
    std::string tmpl =
        (dir / ("." + target.filename().string() + std::string(kTempMark) + std::to_string(::getpid()) + "-XXXXXX"))
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
    const std::error_code result =
        ::syncfs(fd) == 0 ? std::error_code() : std::error_code(errno, std::generic_category());
    ::close(fd);
    return result;
}

std::string page_picture(const std::string& prefix, std::size_t page) {
    return prefix + "-" + std::to_string(page) + ".png";
}

namespace {

// The record of the pictures preview wrote in a folder: a line "<hash of its bytes> <name>" each.
constexpr std::string_view kPictureRecord = ".leafpress-pictures";

std::string picture_hash(std::string_view bytes) {
    const std::uint64_t h = XXH3_64bits(bytes.data(), bytes.size());
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::map<std::string, std::string> read_picture_record(const std::string& path) {
    std::map<std::string, std::string> record;  // name → hash
    const std::string text = read_regular_file(path, 1 << 20).bytes.value_or("");
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(at, end - at);
        at = end + 1;
        const auto space = line.find(' ');
        if (space == 16 && line.size() > 17 && line.find('/') == std::string::npos)
            record[line.substr(17)] = line.substr(0, 16);
    }
    return record;
}

// The page of `name` when it is one of `stem`'s pictures (<stem>-<page>.png), or 0.
std::size_t picture_page(const std::string& name, const std::string& stem) {
    if (name.size() <= stem.size() + 5 || name.compare(0, stem.size() + 1, stem + "-") != 0 || !name.ends_with(".png"))
        return 0;
    const std::string digits = name.substr(stem.size() + 1, name.size() - stem.size() - 5);
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return static_cast<std::size_t>(std::stoul(digits));
}

}  // namespace

std::string picture_record(const std::string& prefix) {
    const fs::path dir = fs::path(prefix).parent_path();
    return (dir / std::string(kPictureRecord)).string();
}

std::size_t write_page_pictures(const std::string& prefix, const std::vector<std::vector<std::uint8_t>>& pictures,
                                const std::vector<std::string>& inputs, Durability durability, Diagnostics& diags) {
    // Every path is checked before any is written: a refusal writes nothing.
    const std::string record_path = picture_record(prefix);
    if (!check_outputs(picture_outputs(prefix, pictures.size(), inputs), diags)) return 0;
    auto record = read_picture_record(record_path);
    std::size_t written = 0;
    for (const auto& png : pictures) {
        const std::string path = page_picture(prefix, written + 1);
        if (!write_atomically(path, png, diags, durability)) break;
        record[fs::path(path).filename().string()] =
            picture_hash({reinterpret_cast<const char*>(png.data()), png.size()});
        ++written;
    }
    // Pictures of later pages, which an earlier, longer version left: removed when preview wrote
    // them (they are in the record) and they still hold the bytes it wrote; never an input. Not
    // after a picture failed to be written: the leaflet's pictures are not all there.
    const std::string stem = fs::path(prefix).filename().string();
    const InputFiles read(inputs);
    for (auto it = record.begin(); it != record.end();) {
        const std::size_t page = picture_page(it->first, stem);
        if (page <= written || written < pictures.size()) {
            ++it;
            continue;
        }
        const std::string path = (fs::path(record_path).parent_path() / it->first).string();
        const FileRead there = read_regular_file(path, 64 << 20);
        std::error_code ec;
        struct stat st {};
        if (there.bytes && picture_hash(*there.bytes) == it->second && !read.replaced_by(path) &&
            ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
            fs::remove(path, ec);
        it = record.erase(it);  // ours or not, it is not ours from now on
    }
    std::string text;
    for (const auto& [name, hash] : record) text += hash + " " + name + "\n";
    write_atomically(record_path, std::vector<std::uint8_t>(text.begin(), text.end()), diags, durability);
    return written;
}

bool check_writable(const std::string& dir, Diagnostics& diags) {
    const fs::path folder = dir.empty() ? fs::path(".") : fs::path(dir);
    std::string tmpl = (folder / (".probe" + std::string(kTempMark) + std::to_string(::getpid()) + "-XXXXXX")).string();
    const int fd = mkstemp(tmpl.data());
    int error = fd < 0 ? errno : 0;
    if (fd >= 0) {
        // Room for a leaflet or two, not only for a name: a full disk fails here, not after every build.
        const std::vector<char> block(64 * 1024, '\0');
        std::size_t done = 0;
        while (error == 0 && done < block.size()) {
            const ssize_t n = ::write(fd, block.data() + done, block.size() - done);
            if (n < 0 && errno != EINTR) error = errno;
            if (n > 0) done += static_cast<std::size_t>(n);
        }
        if (::close(fd) != 0 && error == 0) error = errno;
        ::unlink(tmpl.c_str());
    }
    if (error == 0) return true;
    diags.error("output.write", {dir.empty() ? "." : dir, 0, 0},
                std::string("cannot write in the output folder: ") + std::strerror(error),
                error == ENOSPC || error == EDQUOT ? "make room on the disk, or choose another output folder with -o"
                                                   : "choose a folder you can write to with -o");
    return false;
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
