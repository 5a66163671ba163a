#include <catch2/catch.hpp>
#include <fcntl.h>
#include <unistd.h>

#include "core/c_handle.hpp"

using namespace leafpress;

namespace {
bool open_fd(int fd) { return ::fcntl(fd, F_GETFD) != -1; }

int frees = 0;
void count_free(int*) { ++frees; }
}  // namespace

TEST_CASE("c_handle: a descriptor is closed by its owner, once, wherever the owner goes", "[c_handle]") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    {
        UniqueFd read(fds[0]);
        UniqueFd write(fds[1]);
        UniqueFd moved = std::move(write);
        CHECK_FALSE(write);
        CHECK(moved.get() == fds[1]);
        read.reset();
        CHECK_FALSE(open_fd(fds[0]));
        CHECK(open_fd(fds[1]));
    }
    CHECK_FALSE(open_fd(fds[1]));
    // release() gives the descriptor up unclosed.
    REQUIRE(::pipe(fds) == 0);
    int kept = -1;
    {
        UniqueFd a(fds[0]);
        UniqueFd b(fds[1]);
        kept = b.release();
        b = std::move(a);  // b now owns the read end
    }
    CHECK_FALSE(open_fd(fds[0]));
    CHECK(open_fd(kept));
    ::close(kept);
}

TEST_CASE("c_handle: a C handle is freed by its library's function, and a null one is not", "[c_handle]") {
    frees = 0;
    int x = 0;
    { const CHandle<int, count_free> h(&x); }
    { const CHandle<int, count_free> none(nullptr); }
    CHECK(frees == 1);
}
