#include "cli/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace leafpress {

bool write_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes, Diagnostics& diags) {
    const fs::path target(path);
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(tmpl.data());
    if (fd < 0) {
        diags.error("output.write", {path, 0, 0}, std::string("cannot create a file in ") + dir.string() + ": " +
                                                      std::strerror(errno));
        return false;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            diags.error("output.write", {path, 0, 0}, std::string("cannot write: ") + std::strerror(errno));
            ::close(fd);
            ::unlink(tmpl.c_str());
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    fchmod(fd, 0644);
    if (::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        diags.error("output.write", {path, 0, 0}, std::string("cannot write: ") + std::strerror(errno));
        ::unlink(tmpl.c_str());
        return false;
    }
    return true;
}

}  // namespace leafpress
