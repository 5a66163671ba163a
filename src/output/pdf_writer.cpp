#include "output/writer.hpp"
#include "pdf/write_pdf.hpp"

namespace leafpress::output {

struct PdfWriter::Builder {
    explicit Builder(PdfOptions options) : pdf(std::move(options)) {}
    PdfBuilder pdf;
};

PdfWriter::PdfWriter(const PdfSettings& settings)
    : builder_(std::make_unique<Builder>(PdfOptions{settings.source_date, settings.srgb_profile, settings.print})) {}
PdfWriter::~PdfWriter() = default;
void PdfWriter::start(const DocumentStart& start) { builder_->pdf.start(start); }
void PdfWriter::page(const Page& page) { builder_->pdf.page(page); }
void PdfWriter::end(const DocumentEnd& end) { builder_->pdf.end(end); }

std::optional<Rendition> PdfWriter::finish(Diagnostics& diags) {
    auto bytes = builder_->pdf.finish(diags);
    if (!bytes) return std::nullopt;
    Rendition r;
    r.files.push_back(std::move(*bytes));
    return r;
}

std::optional<Rendition> DumpWriter::draw(const LaidOut& doc, Diagnostics&) const {
    const std::string text = dump(doc);
    Rendition r;
    r.files.emplace_back(text.begin(), text.end());
    return r;
}

}  // namespace leafpress::output
