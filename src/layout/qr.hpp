// QR codes (libqrencode) as a grid of vector squares.
#pragma once
#include <string>
#include <vector>

#include "model/page.hpp"

namespace leafpress {

// `text`'s QR code in a square of `size` at (x, y): a white box (the code and its quiet zone)
// and the dark modules as a cell grid over it. Empty when the text cannot be encoded.
std::vector<PageItem> qr_code(const std::string& text, Pt x, Pt y, Pt size, Color dark, ElementRef source);

}  // namespace leafpress
