// leafpress's own modules, loaded (dlopen) the first time a process needs them: libraries that
// most processes never use cost every one of them time to load (cairo: 1.0 to 1.4 ms, ICU: 0.6
// ms of a leaflet's 11 ms), so the code that calls them is built into a module of its own.
#pragma once
#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace leafpress {

// The module `file_name` (libleafpress_png.so): next to the running program (build/leafpress
// and build/libleafpress_png.so), else at `built_at`, where this build made it (for the tests,
// whose programs live elsewhere). Its function `abi_symbol` must return `abi`, the interface
// this program was built against. The module's handle, or why not: it is missing or another
// build's. dlopen keeps one copy however often it is asked.
Result<void*> load_module(const std::string& file_name, const char* built_at, const char* abi_symbol,
                          std::uint64_t abi);

// A function of a loaded module (nullptr when it has none of that name).
void* module_function(void* module, const char* name);

}  // namespace leafpress
