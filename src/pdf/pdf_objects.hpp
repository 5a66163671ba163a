// Small helpers over libharu's object API (only src/pdf includes libharu).
#pragma once
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_doc.h>

#include <charconv>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::pdf {

// A number for a content stream: locale-independent, at most `decimals` decimals, no trailing zeros.
std::string num(double v, int decimals = 3);

// Text as UTF-16BE with a byte order mark, as PDF text strings are.
std::vector<std::uint8_t> utf16be(std::u32string_view text);

// The same written into a content stream: "<FEFF0041...>".
std::string hex_text(std::u32string_view text);

// A PDF text string (UTF-16BE with BOM, as hex) for titles, outline entries and info.
HPDF_Binary text_string(HPDF_Doc doc, std::string_view utf8);

// A new indirect dictionary, or Flate-compressed stream, owned by the document's xref.
HPDF_Dict new_dict(HPDF_Doc doc);
HPDF_Dict new_stream(HPDF_Doc doc, std::span<const std::uint8_t> bytes);

}  // namespace leafpress::pdf
