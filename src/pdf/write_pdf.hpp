// Rendering the page model to PDF bytes. The only user of libharu.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/color_profile.hpp"
#include "core/diagnostics.hpp"
#include "model/page.hpp"

namespace leafpress {

struct PdfOptions {
    std::string source_date;   // "YYYY-MM-DD" for the document dates; empty: none written
    std::string srgb_profile;  // ICC bytes for the PDF/A output intent; empty: none written
    // Set: the print-shop PDF. 3 mm bleed, trim and bleed boxes, crop (and fold) marks, every
    // colour in this converter's CMYK, and its profile as the PDF/X-4 (and PDF/A) output intent.
    const CmykConverter* print = nullptr;
};

// Takes the page model: each page's items are let go as soon as the page is written, so a long
// document does not hold its glyphs twice (in the model and in the PDF's content streams).
std::optional<std::vector<std::uint8_t>> write_pdf(LaidOut doc, const PdfOptions& options, Diagnostics& diags);

}  // namespace leafpress
