// Output writers over the page model. Each takes a laid-out leaflet a page at a time (a
// PageSink) and, once it has ended, gives its files' bytes, reading only the model: the PDF
// (tagged, PDF/A and PDF/UA, or the print shop's PDF/X), written as pages come; PNG pictures of
// the printed sides drawn with cairo; and the model's text dump for golden tests.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/color_profile.hpp"
#include "core/diagnostics.hpp"
#include "model/page.hpp"
#include "model/page_sink.hpp"
#include "text/fonts.hpp"

namespace leafpress::output {

// What a writer made: a PDF is one file; PNG pictures are one file per printed side.
struct Rendition {
    std::vector<std::vector<std::uint8_t>> files;
};

class Writer : public PageSink {
public:
    // The files, once the leaflet has ended; or nullopt, with an error.
    [[nodiscard]] virtual std::optional<Rendition> finish(Diagnostics& diags) = 0;
    // A whole leaflet at once: its pages are let go as they are written.
    [[nodiscard]] std::optional<Rendition> write(LaidOut doc, Diagnostics& diags) {
        emit(std::move(doc), *this);
        return finish(diags);
    }
};

struct PdfSettings {
    std::string source_date;               // "YYYY-MM-DD" for the document dates; empty: none written
    std::string srgb_profile;              // ICC bytes for the PDF/A output intent; empty: none written
    const CmykConverter* print = nullptr;  // set: the print shop's PDF in this converter's CMYK
};

class PdfWriter final : public Writer {
public:
    explicit PdfWriter(const PdfSettings& settings);
    ~PdfWriter() override;
    void start(const DocumentStart& start) override;
    void page(const Page& page) override;
    void end(const DocumentEnd& end) override;
    [[nodiscard]] std::optional<Rendition> finish(Diagnostics& diags) override;

private:
    struct Builder;
    std::unique_ptr<Builder> builder_;
};

// A writer that makes its files from the whole leaflet, once every page has come: pictures (a
// booklet's sides hold pages from both ends of it, and footers come with the end), the dump.
class WholeLeafletWriter : public Writer {
public:
    void start(const DocumentStart& start) override { pages_.start(start); }
    void page(const Page& page) override { pages_.page(page); }
    void end(const DocumentEnd& end) override { pages_.end(end); }
    [[nodiscard]] std::optional<Rendition> finish(Diagnostics& diags) override { return draw(pages_.laid(), diags); }
    // The files of a whole leaflet: for thumbnails drawn beside another writer, say.
    [[nodiscard]] virtual std::optional<Rendition> draw(const LaidOut& doc, Diagnostics& diags) const = 0;

private:
    Collector pages_;
};

struct PngSettings {
    double dpi = 96;
};

// Each printed side as a PNG, as a PDF viewer draws it at the same resolution: white paper,
// the PDF's colours, glyphs from the same font files at HarfBuzz's positions.
class PngWriter final : public WholeLeafletWriter {
public:
    explicit PngWriter(PngSettings settings) : settings_(settings) {}
    [[nodiscard]] std::optional<Rendition> draw(const LaidOut& doc, Diagnostics& diags) const override;

private:
    PngSettings settings_;
};

// Thumbnails: each printed side as an SVG element sized as a PNG of it at `dpi` would be, drawn
// from the model as vector shapes; text too small to read at that size as a light bar per word,
// larger text as text (in the face's family, to the width layout gave it), pictures as small
// PNGs inside. For a contact sheet: a few kilobytes a page, made in microseconds, sharp at any
// zoom, with no drawing library.
struct SvgSettings {
    double dpi = 18;
};

class SvgWriter final : public WholeLeafletWriter {
public:
    explicit SvgWriter(SvgSettings settings) : settings_(settings) {}
    [[nodiscard]] std::optional<Rendition> draw(const LaidOut& doc, Diagnostics& diags) const override;

private:
    SvgSettings settings_;
};

// The page model as text, one line per item (model/dump.hpp): one file.
class DumpWriter final : public WholeLeafletWriter {
public:
    [[nodiscard]] std::optional<Rendition> draw(const LaidOut& doc, Diagnostics& diags) const override;
};

}  // namespace leafpress::output
