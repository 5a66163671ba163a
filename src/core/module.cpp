#include "core/module.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace leafpress {

Result<void*> load_module(const std::string& file_name, const char* built_at, const char* abi_symbol,
                          std::uint64_t abi) {
    std::vector<std::string> places;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) places.push_back((exe.parent_path() / file_name).string());
    if (built_at) places.emplace_back(built_at);
    std::string tried;
    for (const auto& place : places) {
        if (!fs::exists(place, ec)) {
            tried += (tried.empty() ? "" : ", ") + place;
            continue;
        }
        void* module = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            return Failure{"cannot load the module " + place + ": " + dlerror()};
        }
        using AbiFn = std::uint64_t (*)();
        const auto abi_of = reinterpret_cast<AbiFn>(dlsym(module, abi_symbol));
        if (!abi_of || abi_of() != abi) {
            return Failure{"the module " + place + " is from another build of leafpress"};
        }
        return module;
    }
    return Failure{"the module " + file_name + " is missing (looked at " + tried + ")"};
}

void* module_function(void* module, const char* name) { return module ? dlsym(module, name) : nullptr; }

}  // namespace leafpress
