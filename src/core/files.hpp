#pragma once
#include <optional>
#include <string>

namespace leafpress {

// The whole file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::string& path);

}  // namespace leafpress
