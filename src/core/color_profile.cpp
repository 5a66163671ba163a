#include "core/color_profile.hpp"

#include <lcms2.h>

#include <memory>

namespace leafpress {

std::string srgb_icc_profile() {
    const std::unique_ptr<void, decltype(&cmsCloseProfile)> profile(cmsCreate_sRGBProfile(), &cmsCloseProfile);
    if (!profile) return {};
    // ISO 15076-1:2005 (v4.2) is the newest version PDF/A-2 names.
    cmsSetProfileVersion(profile.get(), 4.2);
    cmsUInt32Number size = 0;
    if (!cmsSaveProfileToMem(profile.get(), nullptr, &size) || size < 128) return {};
    std::string bytes(size, '\0');
    if (!cmsSaveProfileToMem(profile.get(), bytes.data(), &size)) return {};
    bytes.resize(size);
    // Header bytes 24..35: the creation date and time, six big-endian 16-bit numbers. LittleCMS
    // writes the clock's; a fixed one keeps the PDF reproducible.
    static constexpr unsigned char kDate[12] = {0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};  // 2000-01-01 00:00:00
    for (std::size_t i = 0; i < sizeof kDate; ++i) bytes[24 + i] = static_cast<char>(kDate[i]);
    return bytes;
}

}  // namespace leafpress
