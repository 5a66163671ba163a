// Owners for C libraries' handles and the system's file descriptors: a handle is freed by its
// owner's destructor, on every path out of the code that made it.
#pragma once
#include <unistd.h>

#include <memory>
#include <utility>

namespace leafpress {

// Frees a C handle with the library's own function (hb_blob_destroy, QRcode_free, ...).
template <auto Free>
struct CFree {
    template <class T>
    void operator()(T* handle) const noexcept {
        if (handle) Free(handle);
    }
};

// A C handle of type T*, freed by `Free`: CHandle<hb_blob_t, hb_blob_destroy>.
template <class T, auto Free>
using CHandle = std::unique_ptr<T, CFree<Free>>;

// A file descriptor, closed by its owner. Where closing can fail in a way that matters (a file
// written), the code closes it itself through release() and looks at the result.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) noexcept : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) reset(std::exchange(other.fd_, -1));
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }

    [[nodiscard]] int get() const noexcept { return fd_; }
    explicit operator bool() const noexcept { return fd_ >= 0; }
    // Gives the descriptor up, unclosed.
    int release() noexcept { return std::exchange(fd_, -1); }
    // Closes the descriptor held, if any, and holds `fd` instead.
    void reset(int fd = -1) noexcept {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

// The two ends of a pipe.
struct PipeEnds {
    UniqueFd read, write;
};

}  // namespace leafpress
