// Faces: what hb-subset is given to subset from.
#include <catch2/catch.hpp>

#include <hb-subset.h>

#include <string>

#include "face_bytes.hpp"
#include "support.hpp"
#include "text/fonts.hpp"

using namespace leafpress;

namespace {

// The subset of `source` with `glyphs`, dropping `dropped`, as bytes.
std::string subset(hb_face_t* source, const std::vector<hb_codepoint_t>& glyphs, const std::vector<hb_tag_t>& dropped) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    for (auto g : glyphs) hb_set_add(hb_subset_input_glyph_set(input), g);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    for (auto t : dropped) hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), t);
    hb_face_t* out = hb_subset_or_fail(source, input);
    hb_subset_input_destroy(input);
    REQUIRE(out);
    const std::string bytes = test::face_bytes(out);
    hb_face_destroy(out);
    return bytes;
}

bool has_table(hb_face_t* face, hb_tag_t tag) {
    hb_blob_t* t = hb_face_reference_table(face, tag);
    const bool has = hb_blob_get_length(t) > 0;
    hb_blob_destroy(t);
    return has;
}

}  // namespace

TEST_CASE("a face to subset from leaves out the tables asked, and subsets byte for byte as the whole face", "[fonts]") {
    Diagnostics diags;
    for (const std::string file : {"NotoSans-Regular.ttf", "NotoSansArabic-Bold.ttf"}) {
        CAPTURE(file);
        const auto face = text::Face::load(test::fonts_dir() + "/" + file, 0, diags);
        REQUIRE(face);
        const std::vector<hb_tag_t> dropped{HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                            HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
                                            HB_TAG('p', 'o', 's', 't'), HB_TAG('O', 'S', '/', '2')};
        hb_face_t* source = face->subset_source(dropped);
        for (auto t : dropped) CHECK_FALSE(has_table(source, t));
        for (auto t : {HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('h', 'm', 't', 'x'),
                       HB_TAG('h', 'e', 'a', 'd')})
            CHECK(has_table(source, t));
        // Made once: asked again (the tags in another order), the same face.
        const std::vector<hb_tag_t> reversed(dropped.rbegin(), dropped.rend());
        CHECK(face->subset_source(reversed) == source);
        std::vector<hb_codepoint_t> glyphs;
        for (hb_codepoint_t g = 1; g < 600; g += 7) glyphs.push_back(g);
        const std::string from_whole = subset(face->hb_face(), glyphs, dropped);
        CHECK(from_whole.size() > 1000);
        CHECK(subset(source, glyphs, dropped) == from_whole);
    }
    CHECK_FALSE(diags.has_errors());
}
