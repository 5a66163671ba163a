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

// 128 bits of XXH3: stable, not cryptographic.
std::array<std::uint8_t, 16> fingerprint(std::string_view bytes);

// How the bytes of a stream leafpress made itself are encoded.
enum class StreamFilter { Flate, Dct };

// libharu's document, owned (freed with this), and the streams in it whose bytes leafpress
// encoded itself. libharu writes those bytes as they are and names no filter for them (it
// would compress them again if it did); the writer (ObjectWriter) names their filter.
class HaruDocument {
public:
    HaruDocument(HPDF_Error_Handler on_error, void* user) : doc_(HPDF_New(on_error, user)) {}
    ~HaruDocument() { release(); }
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;

    [[nodiscard]] HPDF_Doc get() const { return doc_; }
    [[nodiscard]] HPDF_MMgr mmgr() const { return doc_->mmgr; }
    // A stream of `doc` holds bytes already encoded with `filter`.
    void encoded(HPDF_Dict stream, StreamFilter filter);
    [[nodiscard]] const std::vector<std::pair<HPDF_Dict, StreamFilter>>& encoded() const { return encoded_; }
    // Frees libharu's document (its bytes written, its objects are no longer needed).
    void release();

private:
    HPDF_Doc doc_;
    std::vector<std::pair<HPDF_Dict, StreamFilter>> encoded_;
};

// The object number libharu gave an indirect object.
unsigned object_number(const void* obj);

// A new indirect dictionary, or Flate-compressed stream, owned by the document's xref.
// (new_stream compresses at once, with libdeflate.)
HPDF_Dict new_dict(HPDF_Doc doc);
HPDF_Dict new_stream(HaruDocument& doc, std::span<const std::uint8_t> bytes);

}  // namespace leafpress::pdf
