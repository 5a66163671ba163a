// ICC colour profiles and conversions by LittleCMS: the output intents of PDF/A and PDF/X, and
// sRGB to a print profile's CMYK.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/result.hpp"

namespace leafpress {

// A compact sRGB profile (ICC v4.2, parametric curves: about 600 bytes, where a v2 profile
// with sampled curves is 7 KB), with a fixed creation date so that output stays byte for byte
// the same. Empty if LittleCMS cannot make it.
std::string srgb_icc_profile();

// C, M, Y, K from 0 to 1.
struct Cmyk {
    double c = 0, m = 0, y = 0, k = 0;
    friend bool operator==(const Cmyk&, const Cmyk&) = default;
};

// sRGB to the CMYK of a print profile (relative colorimetric, black point compensation).
// Neutral colours (greys and black: text, rules) become black ink alone, so that type never
// needs four plates in register. A brand's own CMYK for a colour replaces the conversion.
class CmykConverter {
public:
    // Reads the profile; fails (saying why) if it is not a CMYK output profile.
    static Result<CmykConverter> open(const std::string& icc_bytes);

    [[nodiscard]] Cmyk convert(const Color& rgb) const;
    // 8-bit RGB pixels (3 bytes each) to 8-bit CMYK (4 bytes each).
    [[nodiscard]] std::vector<std::uint8_t> convert_pixels(const std::vector<std::uint8_t>& rgb) const;
    // This colour prints as exactly this CMYK.
    void set_exact(const Color& rgb, const Cmyk& cmyk) { exact_.emplace_back(rgb, cmyk); }

    [[nodiscard]] const std::string& profile() const { return profile_; }
    [[nodiscard]] const std::string& description() const { return description_; }

private:
    struct Handles;
    std::shared_ptr<Handles> handles_;
    std::string profile_;
    std::string description_;
    std::vector<std::pair<Color, Cmyk>> exact_;
};

}  // namespace leafpress
