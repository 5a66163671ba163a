// libFuzzer target: a logo's bytes → pixels, through libpng and libjpeg with leafpress's limits.
#include <cstdint>
#include <string_view>

#include "core/image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto img = leafpress::decode_image(std::string_view(reinterpret_cast<const char*>(data), size));
    if (img.raster) {
        const auto& r = *img.raster;
        const std::size_t n = static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height);
        if (r.pixels.size() != n * static_cast<std::size_t>(r.channels) || (!r.alpha.empty() && r.alpha.size() != n))
            __builtin_trap();
    }
    return 0;
}
