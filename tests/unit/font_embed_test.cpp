// Character codes of embedded TrueType fonts: one byte for a glyph that is one ASCII character,
// two bytes otherwise, and ids that never run out into .notdef.
#include <catch2/catch.hpp>

#include <hpdf.h>

#include <memory>
#include <string>

#include "pdf/font_embed.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

const text::Face& noto() {
    static Diagnostics d;
    static const text::FontLibrary lib =
        text::FontLibrary::scan(test::fonts_dir(), d, text::FontLibrary::System::Ignore);
    return *lib.find("Noto Sans", FontStyle::Regular);
}

struct Doc {
    pdf::HaruDocument pdf{nullptr, nullptr};
};

}  // namespace

TEST_CASE("a glyph for one ASCII character is written as that character's byte, others as two bytes", "[pdf]") {
    Doc doc;
    pdf::CodeBook book;
    pdf::EmbeddedFont font(doc.pdf, noto(), "F1", book);
    const auto a = font.use(68, U"a");
    CHECK(a.bytes == 1);
    CHECK(a.code == 'a');
    CHECK_FALSE(a.actual_text);
    // The same glyph standing for other text (the fi ligature, say) gets a two-byte id of its own.
    const auto other = font.use(68, U"a\u0301");
    CHECK(other.bytes == 2);
    CHECK(other.code == 1);
    // A second glyph for "a" cannot take its byte: two bytes too.
    const auto second = font.use(69, U"a");
    CHECK(second.bytes == 2);
    CHECK(second.code == 2);
    CHECK(font.use(68, U"a").code == 'a');  // remembered
}

TEST_CASE("two-byte ids skip the one-byte codes and go on past 0x1FFF at 0x8000, never into .notdef", "[pdf]") {
    Doc doc;
    pdf::CodeBook book;
    pdf::EmbeddedFont font(doc.pdf, noto(), "F1", book);
    std::u32string text = U"x";
    std::uint32_t last = 0;
    bool skipped_bytes = true, jumped = false;
    for (int i = 0; i < 9000; ++i) {
        text.push_back(U'\u0301');  // each use stands for different text: a new id each time
        const auto u = font.use(91, text);
        REQUIRE(u.bytes == 2);
        REQUIRE(u.code != 0);
        REQUIRE_FALSE(u.actual_text);
        if (u.code >= 0x20 && u.code <= 0x7F) skipped_bytes = false;
        if (u.code >= 0x8000) jumped = true;
        last = u.code;
    }
    CHECK(skipped_bytes);
    CHECK(jumped);
    CHECK(last == 0x8000 + (9000 - (0x1FFF - 0x60)) - 1);
    const auto finished = font.finish(pdf::byte_codes_cmap(doc.pdf), pdf::shared_to_unicode(doc.pdf, book));
    CHECK(finished);
    CHECK(finished.error().empty());
}

TEST_CASE("the document's fonts share their two-byte codes, so a code is the same text in every font", "[pdf]") {
    Doc doc;
    pdf::CodeBook book;
    static Diagnostics d;
    static const text::FontLibrary lib =
        text::FontLibrary::scan(test::fonts_dir(), d, text::FontLibrary::System::Ignore);
    pdf::EmbeddedFont regular(doc.pdf, noto(), "F1", book);
    pdf::EmbeddedFont bold(doc.pdf, *lib.find("Noto Sans", FontStyle::Bold), "F2", book);
    const auto fi = regular.use(1000, U"fi");
    CHECK(fi.bytes == 2);
    CHECK(bold.use(1200, U"fi").code == fi.code);     // another glyph in another font: the same code
    CHECK(regular.use(1001, U"fi").code != fi.code);  // a second glyph for "fi" in one font: another
    CHECK(bold.use(1201, U"fi").code == regular.use(1001, U"fi").code);
    CHECK(book.texts().size() == 2);
    HPDF_Dict cmap = pdf::byte_codes_cmap(doc.pdf);
    HPDF_Dict to_unicode = pdf::shared_to_unicode(doc.pdf, book);
    CHECK(regular.finish(cmap, to_unicode));
    CHECK(bold.finish(cmap, to_unicode));
    CHECK(HPDF_Dict_GetItem(regular.dict(), "ToUnicode", HPDF_OCLASS_DICT) ==
          HPDF_Dict_GetItem(bold.dict(), "ToUnicode", HPDF_OCLASS_DICT));
}
