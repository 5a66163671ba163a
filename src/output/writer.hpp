// Output writers over the page model. Each turns a laid-out leaflet into files' bytes and reads
// only the model: the PDF (tagged, PDF/A and PDF/UA, or the print shop's PDF/X), PNG pictures
// of the printed sides drawn with cairo, and the model's text dump for golden tests.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/color_profile.hpp"
#include "core/diagnostics.hpp"
#include "model/page.hpp"

namespace leafpress::output {

// What a writer made: a PDF is one file; PNG pictures are one file per printed side.
struct Rendition {
    std::vector<std::vector<std::uint8_t>> files;
};

class Writer {
public:
    virtual ~Writer() = default;
    // Writes the leaflet, or says why not (nullopt, with an error). The writer owns the model
    // from here and may let go of each page's items once it has written them.
    [[nodiscard]] virtual std::optional<Rendition> write(LaidOut doc, Diagnostics& diags) const = 0;
};

struct PdfSettings {
    std::string source_date;   // "YYYY-MM-DD" for the document dates; empty: none written
    std::string srgb_profile;  // ICC bytes for the PDF/A output intent; empty: none written
    const CmykConverter* print = nullptr;  // set: the print shop's PDF in this converter's CMYK
};

class PdfWriter final : public Writer {
public:
    explicit PdfWriter(PdfSettings settings) : settings_(std::move(settings)) {}
    [[nodiscard]] std::optional<Rendition> write(LaidOut doc, Diagnostics& diags) const override;

private:
    PdfSettings settings_;
};

// How glyphs are drawn: filled as outlines at the positions poppler draws them (pictures that
// match pdftoppm's), or for thumbnails: text too small to read (under 6 pixels) as a light bar
// per word, as page-layout programs show it, and larger text from cairo's glyph cache.
enum class GlyphDrawing { AsPoppler, Thumbnail };

struct PngSettings {
    double dpi = 96;
    GlyphDrawing glyphs = GlyphDrawing::AsPoppler;
};

// Each printed side as a PNG, as a PDF viewer draws it at the same resolution: white paper,
// the PDF's colours, glyphs from the same font files at HarfBuzz's positions.
class PngWriter final : public Writer {
public:
    explicit PngWriter(PngSettings settings) : settings_(settings) {}
    [[nodiscard]] std::optional<Rendition> write(LaidOut doc, Diagnostics& diags) const override;
    // The same without taking the model: for thumbnails drawn before the PDF is written.
    [[nodiscard]] std::optional<Rendition> draw(const LaidOut& doc, Diagnostics& diags) const;

private:
    PngSettings settings_;
};

// The page model as text, one line per item (model/dump.hpp): one file.
class DumpWriter final : public Writer {
public:
    [[nodiscard]] std::optional<Rendition> write(LaidOut doc, Diagnostics& diags) const override;
};

}  // namespace leafpress::output
