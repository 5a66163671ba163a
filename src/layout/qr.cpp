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
    for (int row = 0; row < n; ++row) {
        int col = 0;
        while (col < n) {
            if (!(qr->data[row * n + col] & 1)) { ++col; continue; }
            const int start = col;
            while (col < n && (qr->data[row * n + col] & 1)) ++col;
            // One box per horizontal run of dark modules, slightly overlapping its neighbours
            // below so that no hairline gaps show when rendered.
            out.emplace_back(Box{{x + module * (kQuiet + start), y + module * (kQuiet + row),
                                  module * (col - start), module * 1.02},
                                 dark, std::nullopt, Pt(0), source});
        }
    }
    QRcode_free(qr);
    return out;
}

}  // namespace leafpress
