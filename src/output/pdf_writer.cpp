#include "output/writer.hpp"
#include "pdf/write_pdf.hpp"

namespace leafpress::output {

std::optional<Rendition> PdfWriter::write(LaidOut doc, Diagnostics& diags) const {
    PdfOptions options;
    options.source_date = settings_.source_date;
    options.srgb_profile = settings_.srgb_profile;
    options.print = settings_.print;
    auto bytes = write_pdf(std::move(doc), options, diags);
    if (!bytes) return std::nullopt;
    Rendition r;
    r.files.push_back(std::move(*bytes));
    return r;
}

std::optional<Rendition> DumpWriter::write(LaidOut doc, Diagnostics&) const {
    const std::string text = dump(doc);
    Rendition r;
    r.files.emplace_back(text.begin(), text.end());
    return r;
}

}  // namespace leafpress::output
