// Small helpers over libharu's object API (only src/pdf includes libharu).
#pragma once
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_doc.h>

#include <array>
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

// Whether text can be a PDFDocEncoding string as it is: printable ASCII only.
bool plain_ascii(std::u32string_view text);

// Text written into a content stream: "(Lupus)" when it is plain ASCII, else UTF-16BE as hex,
// "<FEFF0041...>".
std::string text_token(std::u32string_view text);

// A PDF text string for titles, outline entries, alternative text and info: PDFDocEncoding
// when the text is plain ASCII (half the bytes), else UTF-16BE with a byte order mark.
void* text_string(HPDF_Doc doc, std::string_view utf8);

HPDF_Name name(HPDF_Doc doc, const char* n);

// 128 bits of FNV-1a (two 64-bit lanes with different offsets): stable, not cryptographic.
std::array<std::uint8_t, 16> fingerprint(std::string_view bytes);

// A stream whose bytes leafpress has Flate-compressed itself: libharu must not compress it again,
// and pack_objects names its filter (see kPrecompressed).
void mark_precompressed(HPDF_Dict stream);

// A new indirect dictionary, or Flate-compressed stream, owned by the document's xref.
// (new_stream compresses at once, with libdeflate.)
HPDF_Dict new_dict(HPDF_Doc doc);
HPDF_Dict new_stream(HPDF_Doc doc, std::span<const std::uint8_t> bytes);

}  // namespace leafpress::pdf
