// The limits leafpress holds every input to, so that time and memory stay proportional to
// the input and bounded (README, "Limits"). Past a limit the input is refused with a located
// error; nothing is cut silently.
#pragma once
#include <cstddef>

namespace leafpress::limits {

constexpr std::size_t kContentBytes = 1024 * 1024;      // a content file
constexpr std::size_t kSettingsBytes = 256 * 1024;      // a brand or layout file
constexpr std::size_t kImageBytes = 32 * 1024 * 1024;   // a logo or figure file
constexpr std::size_t kFontBytes = 64 * 1024 * 1024;    // a font file
constexpr std::size_t kReportBytes = 64 * 1024 * 1024;  // a batch report read back (to tell it from content)
constexpr int kSections = 1000;                         // sections in one leaflet
constexpr std::size_t kParagraphChars = 50000;          // characters in one paragraph or list item
constexpr std::size_t kBlocks = 20000;                  // paragraphs and list items in one leaflet
constexpr std::size_t kLinkBytes = 2000;                // a link's address
constexpr std::size_t kLanguageTag = 64;                // a BCP 47 tag
constexpr std::size_t kTaglines = 100;                  // a brand's language-assistance taglines
constexpr int kImageSide = 10000;                       // pixels on either side of an image
constexpr long long kImagePixels = 40'000'000;          // pixels in one image
// Pixels of all of one leaflet's pictures together (figures and logo, each file once): a
// print build holds about 20 bytes for each (pixels, CMYK copy, deflated stream, the file).
constexpr long long kLeafletPixels = 40'000'000;
constexpr std::size_t kClusterMarks = 30;  // combining marks on one letter (UAX #15's 30 non-starters)

}  // namespace leafpress::limits
