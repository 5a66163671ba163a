// QR codes (libqrencode) drawn as vector squares.
#pragma once
#include <string>
#include <vector>

#include "model/page.hpp"

namespace leafpress {

// The dark modules of `text`'s QR code as boxes in a square of `size` at (x, y), on a white
// background that includes the quiet zone. Empty when the text cannot be encoded.
std::vector<PageItem> qr_code(const std::string& text, Pt x, Pt y, Pt size, Color dark, ElementRef source);

}  // namespace leafpress
