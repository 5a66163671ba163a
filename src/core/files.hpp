#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace leafpress {

enum class ReadFailure { None, Missing, NotRegular, TooLarge, Unreadable };

struct FileRead {
    std::optional<std::string> bytes;  // the whole file, when it could be read
    ReadFailure failure = ReadFailure::None;
    std::size_t size = 0;  // the file's size, when known
};

// Reads a regular file whole. A directory, FIFO, device or socket is never opened for reading
// (a FIFO would block), and a file over `max_bytes` is not read at all.
FileRead read_regular_file(const std::string& path, std::size_t max_bytes);

// The same for a file of any reasonable size; nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

// A file named in an input (a figure, a logo) by a path relative to the input's folder, once it
// is known to stay inside that folder: `path` is where to read it (every symbolic link on the way
// followed), `problem` says in words why it may not be read when it leaves the folder.
struct InsidePath {
    std::string path;
    std::string problem;  // empty: inside
};

// Follows `written` from `folder` component by component. Refused: an absolute path, a ".."
// that climbs out of the folder, and a symbolic link (at any component) whose target resolves
// outside it. Folders are compared by their components ("/a/b" does not hold "/a/bc"). A path
// that does not exist is inside as far as it goes; reading it then fails as usual.
InsidePath path_inside(const std::string& folder, const std::string& written);

// Why a read failed, in words for a diagnostic ("is a folder, not a file").
std::string describe(ReadFailure failure, std::size_t size, std::size_t max_bytes);

}  // namespace leafpress
