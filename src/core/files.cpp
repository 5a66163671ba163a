#include "core/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "core/limits.hpp"

namespace leafpress {

FileRead read_regular_file(const std::string& path, std::size_t max_bytes) {
    FileRead r;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        r.failure = errno == ENOENT || errno == ENOTDIR ? ReadFailure::Missing : ReadFailure::Unreadable;
        return r;
    }
    if (!S_ISREG(st.st_mode)) {
        r.failure = ReadFailure::NotRegular;
        return r;
    }
    r.size = static_cast<std::size_t>(st.st_size);
    if (r.size > max_bytes) {
        r.failure = ReadFailure::TooLarge;
        return r;
    }
    // O_NONBLOCK: should the path have become a FIFO since the stat, the open does not hang.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        r.failure = ReadFailure::Unreadable;
        return r;
    }
    struct stat fst {};
    if (::fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
        ::close(fd);
        r.failure = ReadFailure::NotRegular;
        return r;
    }
    std::string bytes;
    bytes.resize(std::min<std::size_t>(static_cast<std::size_t>(fst.st_size), max_bytes));
    std::size_t done = 0;
    while (true) {
        if (done == bytes.size()) {
            if (bytes.size() >= max_bytes) break;
            bytes.resize(std::min(max_bytes, bytes.size() * 2 + 4096));  // the file grew since the stat
        }
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            r.failure = ReadFailure::Unreadable;
            return r;
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(done);
    r.size = done;
    r.bytes = std::move(bytes);
    return r;
}

std::optional<std::string> read_file(const std::string& path) {
    return read_regular_file(path, limits::kFontBytes).bytes;
}

namespace {

namespace fs = std::filesystem;

// Whether canonical `p` is `folder` or below it, by whole components.
bool within(const fs::path& p, const fs::path& folder) {
    return std::mismatch(folder.begin(), folder.end(), p.begin(), p.end()).first == folder.end();
}

}  // namespace

InsidePath path_inside(const std::string& folder, const std::string& written) {
    const fs::path w(written);
    if (w.has_root_name() || w.has_root_directory()) return {written, "it is an absolute path"};
    std::error_code ec;
    fs::path base = fs::canonical(folder.empty() ? "." : folder, ec);
    if (ec) return {written, "its folder cannot be found"};
    fs::path at = base;
    auto part = w.begin();
    for (; part != w.end(); ++part) {
        if (part->empty() || *part == ".") continue;
        if (*part == "..") {
            at = at.parent_path();
        } else {
            const fs::path next = at / *part;
            if (fs::is_symlink(fs::symlink_status(next, ec))) {
                const fs::path target = fs::canonical(next, ec);
                if (ec) return {next.string(), ""};  // a link to nothing: missing
                if (!within(target, base)) return {written, "it leads through a link to a file outside the folder"};
                at = target;
            } else if (!fs::exists(fs::symlink_status(next, ec))) {
                at = next;  // missing: nothing below it can be a link
                for (++part; part != w.end(); ++part) at /= *part;
                at = at.lexically_normal();
                break;
            } else {
                at = next;
            }
        }
        if (!within(at, base)) return {written, "its '..' leads out of the folder"};
    }
    if (!within(at, base)) return {written, "its '..' leads out of the folder"};
    return {at.string(), ""};
}

std::string describe(ReadFailure failure, std::size_t size, std::size_t max_bytes) {
    switch (failure) {
        case ReadFailure::None: return "read";
        case ReadFailure::Missing: return "no such file";
        case ReadFailure::NotRegular: return "not a regular file (a folder, device or pipe)";
        case ReadFailure::TooLarge:
            return "the file is " + std::to_string(size / 1024) + " KiB; leafpress reads files of at most " +
                   std::to_string(max_bytes / 1024) + " KiB here";
        case ReadFailure::Unreadable: return "cannot open the file";
    }
    return "cannot read";
}

}  // namespace leafpress
