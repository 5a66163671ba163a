// Rendering the page model to PDF bytes. The only user of libharu (with the files of src/pdf).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/color_profile.hpp"
#include "core/diagnostics.hpp"
#include "model/page.hpp"
#include "model/page_sink.hpp"
#include "text/fonts.hpp"

namespace leafpress {

struct PdfOptions {
    std::string source_date;   // "YYYY-MM-DD" for the document dates; empty: none written
    std::string srgb_profile;  // ICC bytes for the PDF/A output intent; empty: none written
    // Set: the print-shop PDF. 3 mm bleed, trim and bleed boxes, crop (and fold) marks, every
    // colour in this converter's CMYK, and its profile as the PDF/X-4 (and PDF/A) output intent.
    const CmykConverter* print = nullptr;
};

// A PDF made a page at a time: each reading page is drawn into its side's content stream as it
// comes (and the page let go by whoever gave it), its late furniture drawn over it at the end,
// when the streams are compressed, the fonts subset and the structure tree written. A booklet's
// pages wait for the end, where its imposition puts them on their sides.
class PdfBuilder final : public PageSink {
public:
    explicit PdfBuilder(PdfOptions options);
    ~PdfBuilder() override;
    PdfBuilder(const PdfBuilder&) = delete;
    PdfBuilder& operator=(const PdfBuilder&) = delete;

    void start(const DocumentStart& start) override;
    void page(const Page& page) override;
    void end(const DocumentEnd& end) override;
    // The file, once ended; or nullopt, and why in `diags`.
    std::optional<std::vector<std::uint8_t>> finish(Diagnostics& diags);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// A whole laid-out leaflet at once; its pages are let go as they are written.
std::optional<std::vector<std::uint8_t>> write_pdf(LaidOut doc, const PdfOptions& options, Diagnostics& diags);

}  // namespace leafpress
