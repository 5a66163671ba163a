#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace leafpress {

// Writes to a temporary file in the target's folder and renames it into place, so that a
// failure never leaves a partial file nor damages an existing one.
bool write_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes, Diagnostics& diags);

}  // namespace leafpress
