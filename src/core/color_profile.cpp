#include "core/color_profile.hpp"

#include <lcms2.h>

#include <algorithm>
#include <cmath>

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

struct CmykConverter::Handles {
    cmsHTRANSFORM colour = nullptr;  // RGB doubles to CMYK doubles
    cmsHTRANSFORM pixels = nullptr;  // RGB bytes to CMYK bytes
    std::mutex mutex;                // LittleCMS transforms are not for concurrent use
    ~Handles() {
        if (colour) cmsDeleteTransform(colour);
        if (pixels) cmsDeleteTransform(pixels);
    }
};

Result<CmykConverter> CmykConverter::open(const std::string& icc_bytes) {
    using Profile = std::unique_ptr<void, decltype(&cmsCloseProfile)>;
    Profile out(cmsOpenProfileFromMem(icc_bytes.data(), static_cast<cmsUInt32Number>(icc_bytes.size())),
                &cmsCloseProfile);
    if (!out) {
        return Failure{"not an ICC profile"};
    }
    if (cmsGetColorSpace(out.get()) != cmsSigCmykData || cmsGetDeviceClass(out.get()) != cmsSigOutputClass) {
        return Failure{"not a CMYK output (printer) profile"};
    }
    Profile srgb(cmsCreate_sRGBProfile(), &cmsCloseProfile);
    CmykConverter c;
    c.handles_ = std::make_shared<Handles>();
    const cmsUInt32Number flags = cmsFLAGS_BLACKPOINTCOMPENSATION;
    c.handles_->colour =
        cmsCreateTransform(srgb.get(), TYPE_RGB_DBL, out.get(), TYPE_CMYK_DBL, INTENT_RELATIVE_COLORIMETRIC, flags);
    c.handles_->pixels =
        cmsCreateTransform(srgb.get(), TYPE_RGB_8, out.get(), TYPE_CMYK_8, INTENT_RELATIVE_COLORIMETRIC, flags);
    if (!c.handles_->colour || !c.handles_->pixels) {
        return Failure{"LittleCMS cannot convert sRGB to this profile"};
    }
    char desc[256] = {};
    cmsGetProfileInfoASCII(out.get(), cmsInfoDescription, "en", "US", desc, sizeof desc);
    c.description_ = desc;
    c.profile_ = icc_bytes;
    return c;
}

Cmyk CmykConverter::convert(const Color& rgb) const {
    for (const auto& [from, to] : exact_)
        if (from == rgb) return to;
    // Greys (within half a step of 8 bits) are black ink only.
    const double hi = std::max({rgb.r, rgb.g, rgb.b}), lo = std::min({rgb.r, rgb.g, rgb.b});
    if (hi - lo < 0.5 / 255.0) return {0, 0, 0, std::clamp(1.0 - (rgb.r + rgb.g + rgb.b) / 3.0, 0.0, 1.0)};
    const double in[3] = {rgb.r, rgb.g, rgb.b};
    double out[4] = {};
    {
        std::lock_guard lock(handles_->mutex);
        cmsDoTransform(handles_->colour, in, out, 1);
    }
    // LittleCMS gives ink in percent.
    const auto ink = [](double v) { return std::clamp(std::round(v * 10.0) / 1000.0, 0.0, 1.0); };
    return {ink(out[0]), ink(out[1]), ink(out[2]), ink(out[3])};
}

std::vector<std::uint8_t> CmykConverter::convert_pixels(const std::vector<std::uint8_t>& rgb) const {
    const std::size_t n = rgb.size() / 3;
    std::vector<std::uint8_t> out(n * 4);
    std::lock_guard lock(handles_->mutex);
    cmsDoTransform(handles_->pixels, rgb.data(), out.data(), static_cast<cmsUInt32Number>(n));
    return out;
}

}  // namespace leafpress
