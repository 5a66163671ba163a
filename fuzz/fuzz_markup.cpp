// libFuzzer target: a section body's bytes → blocks of spans, with anchors into the file.
#include <cstdint>
#include <string>

#include "content/markup.hpp"
#include "core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    if (leafpress::utf8::find_invalid(body)) return 0;  // bodies reach the parser as valid UTF-8
    leafpress::Diagnostics d;
    const auto blocks = leafpress::parse_markup(body, leafpress::TextOrigin{"fuzz.toml", 3, 8}, d);
    for (const auto& b : blocks)
        for (const auto& s : b.spans) (void)leafpress::locate(s.text, s.anchors, s.text.size() / 2);
    return 0;
}
