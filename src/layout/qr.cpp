#include "layout/qr.hpp"

#include <qrencode.h>

namespace leafpress {

std::vector<PageItem> qr_code(const std::string& text, Pt x, Pt y, Pt size, Color dark, ElementRef source) {
    std::vector<PageItem> out;
    QRcode* qr = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!qr) return out;
    constexpr int kQuiet = 4;  // modules of white around the code, as the standard asks
    const int n = qr->width;
    const Pt module = size / static_cast<double>(n + 2 * kQuiet);
    out.emplace_back(Box{{x, y, size, size}, Color{1, 1, 1}, std::nullopt, Pt(0), source});
    CellGrid grid{{x + module * kQuiet, y + module * kQuiet, module * n, module * n}, n, n, {}, dark, source};
    grid.filled.resize(static_cast<std::size_t>(n) * static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < grid.filled.size(); ++i) grid.filled[i] = qr->data[i] & 1;
    out.emplace_back(std::move(grid));
    QRcode_free(qr);
    return out;
}

}  // namespace leafpress
