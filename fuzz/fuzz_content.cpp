// libFuzzer target: a content file's bytes → the Document (TOML, markup, positions, limits).
#include <cstdint>
#include <string>

#include "content/load_content.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    leafpress::Diagnostics d;
    leafpress::load_content_text(text, "fuzz.toml", d);
    for (const auto& x : d.all()) (void)leafpress::format(x);
    return 0;
}
