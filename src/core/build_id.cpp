#include "core/build_id.hpp"

#include <elf.h>
#include <link.h>

#include <cstring>
#include <filesystem>

namespace leafpress {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// The NT_GNU_BUILD_ID note of the first object dl_iterate_phdr reports, the executable.
int find_note(dl_phdr_info* info, std::size_t, void* data) {
    auto* out = static_cast<std::string*>(data);
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const auto& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_NOTE) continue;
        const auto* at = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
        const unsigned char* end = at + ph.p_memsz;
        while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const std::size_t name_size = (note.n_namesz + 3) & ~std::size_t{3};
            const std::size_t desc_size = (note.n_descsz + 3) & ~std::size_t{3};
            const unsigned char* name = at + sizeof note;
            const unsigned char* desc = name + name_size;
            if (desc + note.n_descsz > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                for (std::size_t k = 0; k < note.n_descsz; ++k) {
                    out->push_back(kHex[desc[k] >> 4]);
                    out->push_back(kHex[desc[k] & 15]);
                }
                return 1;
            }
            at = desc + desc_size;
        }
    }
    return 1;  // only the executable, the first object, is asked
}

}  // namespace

std::string executable_build_id() {
    std::string id;
    dl_iterate_phdr(find_note, &id);
    if (!id.empty()) return id;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const auto size = std::filesystem::file_size(exe, ec);
    if (ec) return {};
    const auto time = std::filesystem::last_write_time(exe, ec);
    if (ec) return {};
    return exe.string() + "@" + std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

}  // namespace leafpress
