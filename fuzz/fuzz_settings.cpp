// libFuzzer target: the same bytes as a brand file and as a layout file (phone numbers,
// colours, sizes, non-finite numbers, fonts).
#include <cstdint>
#include <string>

#include "style/brand.hpp"
#include "style/layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    leafpress::Diagnostics d;
    leafpress::load_brand_text(text, "/nonexistent/brand.toml", d);
    leafpress::load_layout_text(text, "/nonexistent/layout.toml", d);
    return 0;
}
