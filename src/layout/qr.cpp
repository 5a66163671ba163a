#include "layout/qr.hpp"

#include <qrencode.h>

#include <map>
#include <mutex>
#include <optional>

#include "core/c_handle.hpp"

namespace leafpress {

namespace {

struct Modules {
    int width = 0;
    std::vector<std::uint8_t> dark;  // width × width, row by row
};

// The modules of a text's code: a batch's leaflets all carry their clinic's, so each worker
// encodes it once.
std::optional<Modules> encode(const std::string& text) {
    static std::mutex mutex;
    static std::map<std::string, Modules> known;
    std::lock_guard lock(mutex);
    if (auto it = known.find(text); it != known.end()) return it->second;
    const CHandle<QRcode, QRcode_free> qr(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!qr) return std::nullopt;
    Modules m;
    m.width = qr->width;
    m.dark.resize(static_cast<std::size_t>(qr->width) * static_cast<std::size_t>(qr->width));
    for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = qr->data[i] & 1;
    if (known.size() < 64) known.emplace(text, m);
    return m;
}

}  // namespace

std::vector<PageItem> qr_code(const std::string& text, Pt x, Pt y, Pt size, Color dark, ElementRef source) {
    std::vector<PageItem> out;
    const auto modules = encode(text);
    if (!modules) return out;
    constexpr int kQuiet = 4;  // modules of white around the code, as the standard asks
    const int n = modules->width;
    const Pt module = size / static_cast<double>(n + 2 * kQuiet);
    out.emplace_back(Box{{x, y, size, size}, Color{1, 1, 1}, std::nullopt, Pt(0), source});
    out.emplace_back(CellGrid{
        {x + module * kQuiet, y + module * kQuiet, module * n, module * n}, n, n, modules->dark, dark, source});
    return out;
}

}  // namespace leafpress
