// The running program's own identity, for records that must not outlive the program that made
// them (a batch's incremental record: a new leafpress builds everything again).
#pragma once
#include <string>

namespace leafpress {

// The executable's GNU build id as hex (the linker's hash of the program), or, for a program
// linked without one, its path, size and time; "" when neither can be had.
std::string executable_build_id();

}  // namespace leafpress
