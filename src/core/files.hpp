#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace leafpress {

enum class ReadFailure { None, Missing, NotRegular, TooLarge, Unreadable };

struct FileRead {
    std::optional<std::string> bytes;  // the whole file, when it could be read
    ReadFailure failure = ReadFailure::None;
    std::size_t size = 0;              // the file's size, when known
};

// Reads a regular file whole. A directory, FIFO, device or socket is never opened for reading
// (a FIFO would block), and a file over `max_bytes` is not read at all.
FileRead read_regular_file(const std::string& path, std::size_t max_bytes);

// The same for a file of any reasonable size; nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

// Why a read failed, in words for a diagnostic ("is a folder, not a file").
std::string describe(ReadFailure failure, std::size_t size, std::size_t max_bytes);

}  // namespace leafpress
