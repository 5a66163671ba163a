// Drawing a reading page's items into the content stream of the side it is printed on: text as
// TJ arrays in embedded subset fonts, boxes, rules, cell grids and images, each in its
// marked-content sequence (or as an artifact), and links as annotations. What the pages of a
// document share (fonts, images, the colour of print) lives in DocumentResources.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/color_profile.hpp"
#include "core/diagnostics.hpp"
#include "model/page.hpp"
#include "model/sheets.hpp"
#include "pdf/font_embed.hpp"
#include "pdf/pdf_objects.hpp"
#include "pdf/tags.hpp"

namespace leafpress::pdf {

enum class Paint { Fill, Stroke };

class DocumentResources {
public:
    // `print`: every colour in its CMYK (the print shop's PDF); null: sRGB.
    DocumentResources(HaruDocument& pdf, const CmykConverter* print) : pdf_(pdf), print_(print) {}

    [[nodiscard]] HPDF_Doc pdf() const { return pdf_.get(); }
    [[nodiscard]] bool print() const { return print_ != nullptr; }
    // The font for a face, made on first use (F1, F2, ... in that order).
    EmbeddedFont& font_for(const text::Face* face);
    // An image XObject for decoded pixels, made once per raster; alpha becomes a soft mask.
    HPDF_Image image_for(const std::shared_ptr<const Raster>& raster);
    // Whether an image could not be made (libharu out of memory): the PDF would lack it.
    [[nodiscard]] bool images_failed() const { return images_failed_; }
    // The operator that sets a colour: sRGB (greys as DeviceGray) on screen, CMYK in print.
    [[nodiscard]] std::string colour(const Color& c, Paint paint) const;
    // Subsets and finishes every font, in the order they were made; false with an error.
    bool finish_fonts(Diagnostics& diags);

    // Each Link item's annotation, by (reading page, item).
    std::map<std::pair<int, int>, HPDF_Annotation> annotations;

private:
    HaruDocument& pdf_;
    const CmykConverter* print_;
    std::map<const text::Face*, std::unique_ptr<EmbeddedFont>> fonts_;
    std::vector<const text::Face*> fonts_order_;
    std::map<const Raster*, HPDF_Image> images_;
    bool images_failed_ = false;
    CodeBook codes_;                  // the two-byte codes of TrueType fonts
    HPDF_Dict byte_codes_ = nullptr;  // the encoding CMap of TrueType fonts, made once
    HPDF_Dict to_unicode_ = nullptr;  // and their ToUnicode CMap
};

// Where a reading page is drawn: on which side and slot, its MCIDs moved on by `mcid_offset`
// (a booklet's side holds two pages), and the structure elements its tags name.
struct PagePlacement {
    HPDF_Page side = nullptr;
    SheetSlot slot;
    int page = 0;  // the reading page's index
    int mcid_offset = 0;
    const std::vector<StructElement>* elements = nullptr;
    const PrintGeometry* geometry = nullptr;  // in print
};

// What a content stream has set so far, so that the lines of a paragraph share one text object
// and say only what changes: a font or colour once, then relative moves. Kept from a page's
// items to its late furniture.
struct TextState {
    bool open = false;                   // inside BT ... ET
    const EmbeddedFont* font = nullptr;  // Tf (kept across text objects)
    double size = 0;
    std::optional<Color> color;  // rg; forgotten when anything else is drawn
    double x = 0, y = 0;         // the line origin the last Td set, as written
};

// Appends text to a side's content stream.
void write_content(HPDF_Page side, const std::string& s);

// A side's printer's marks as content-stream operators: the crop marks stroked, then the fold
// marks dashed and stroked (in the colour and width set before them); empty without marks.
std::string mark_operators(const std::vector<MarkLine>& marks);

// Moves what follows to the slot's place ("q 1 0 0 1 tx ty cm"), and back ("Q"); nothing for a
// slot at the side's origin.
void enter_slot(HPDF_Page side, const SheetSlot& slot);
void leave_slot(HPDF_Page side, const SheetSlot& slot);

// Draws `items` of a page of `size` (each with its tag), in the slot's space (see enter_slot).
void draw_items(const PagePlacement& at, Size size, const std::vector<PageItem>& items,
                const std::vector<ItemTag>& tags, DocumentResources& resources, TextState& state);

// A side's content stream compressed (libdeflate), its data replaced by the compressed bytes.
void compress_content(HaruDocument& doc, HPDF_Page side);

}  // namespace leafpress::pdf
