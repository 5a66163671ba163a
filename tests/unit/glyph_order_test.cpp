// A TrueType subset put in the order of its character ids: glyph i is the glyph asked for at i,
// composites keep their components (renumbered), and fonts with tables keyed by glyph id are
// left alone.
#include <catch2/catch.hpp>

#include <hb-subset.h>
#include <hb.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "face_bytes.hpp"
#include "pdf/glyph_order.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// An hb-subset of Noto Sans with these glyphs (and what composites need), without hinting and
// with only the tables a CIDFontType2 reads; its old-to-new glyph map in `map`.
std::string subset(const std::vector<hb_codepoint_t>& gids, std::vector<hb_codepoint_t>& map) {
    const std::string font = read(test::fonts_dir() + "/NotoSans-Regular.ttf");
    hb_blob_t* blob =
        hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    for (hb_codepoint_t g : gids) hb_set_add(hb_subset_input_glyph_set(input), g);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'), HB_TAG('p', 'o', 's', 't'),
                       HB_TAG('O', 'S', '/', '2'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('D', 'S', 'I', 'G')})
        hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), t);
    hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face, input);
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    map.clear();
    for (hb_codepoint_t g : gids) map.push_back(hb_map_get(old_to_new, g));
    hb_face_t* out = hb_subset_plan_execute_or_fail(plan);
    const std::string bytes = test::face_bytes(out);
    hb_face_destroy(out);
    hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return bytes;
}

hb_codepoint_t glyph_of(hb_font_t* font, hb_codepoint_t c) {
    hb_codepoint_t g = 0;
    hb_font_get_nominal_glyph(font, c, &g);
    return g;
}

// A glyph's outline as text: what it draws, in font units.
std::string outline(hb_font_t* font, hb_codepoint_t glyph) {
    std::string out;
    hb_draw_funcs_t* funcs = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(
        funcs,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float y, void*) {
            *static_cast<std::string*>(d) += " M" + std::to_string(int(x)) + "," + std::to_string(int(y));
        },
        nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(
        funcs,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float x, float y, void*) {
            *static_cast<std::string*>(d) += " L" + std::to_string(int(x)) + "," + std::to_string(int(y));
        },
        nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(
        funcs,
        [](hb_draw_funcs_t*, void* d, hb_draw_state_t*, float cx, float cy, float x, float y, void*) {
            *static_cast<std::string*>(d) += " Q" + std::to_string(int(cx)) + "," + std::to_string(int(cy)) + " " +
                                             std::to_string(int(x)) + "," + std::to_string(int(y));
        },
        nullptr, nullptr);
    hb_font_get_glyph_shape(font, glyph, funcs, &out);
    hb_draw_funcs_destroy(funcs);
    return out;
}

struct Font {
    explicit Font(const std::string& bytes) : data(bytes) {
        blob =
            hb_blob_create(data.data(), static_cast<unsigned>(data.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
        face = hb_face_create(blob, 0);
        font = hb_font_create(face);
    }
    ~Font() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    std::string data;
    hb_blob_t* blob;
    hb_face_t* face;
    hb_font_t* font;
};

}  // namespace

TEST_CASE("a subset's glyphs go where their character ids say, components after them", "[pdf]") {
    Font noto(read(test::fonts_dir() + "/NotoSans-Regular.ttf"));
    const hb_codepoint_t a = glyph_of(noto.font, 'a'), z = glyph_of(noto.font, 'z'),
                         e_acute = glyph_of(noto.font, 0xE9);
    std::vector<hb_codepoint_t> map;
    const std::string sub = subset({0, a, z, e_acute}, map);
    // Character ids: 'a' at 0x61, 'z' at 3, 'é' at 5 and again at 6; the rest empty.
    std::vector<std::int32_t> order(0x62, pdf::kNoGlyph);
    order[0] = 0;
    order[0x61] = static_cast<std::int32_t>(map[1]);
    order[3] = static_cast<std::int32_t>(map[2]);
    order[5] = order[6] = static_cast<std::int32_t>(map[3]);
    const auto reordered = pdf::reorder_glyphs(sub, order);
    REQUIRE(reordered);
    Font out(*reordered);
    // 0x62 glyphs asked for, then the two components of 'é' (e and the acute).
    CHECK(hb_face_get_glyph_count(out.face) == 0x62 + 2);
    CHECK(outline(out.font, 0x61) == outline(noto.font, a));
    CHECK(hb_font_get_glyph_h_advance(out.font, 0x61) == hb_font_get_glyph_h_advance(noto.font, a));
    CHECK(outline(out.font, 3) == outline(noto.font, z));
    CHECK(outline(out.font, 5) == outline(noto.font, e_acute));
    CHECK(outline(out.font, 6) == outline(noto.font, e_acute));
    CHECK_FALSE(outline(out.font, 5).empty());
    CHECK(outline(out.font, 4).empty());
    CHECK(hb_font_get_glyph_h_advance(out.font, 4) == 0);
    // The file's checksum adjustment makes the whole file sum to 0xB1B0AFBA.
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < reordered->size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k)
            word = (word << 8) | (i + k < reordered->size() ? static_cast<unsigned char>((*reordered)[i + k]) : 0u);
        sum += word;
    }
    CHECK(sum == 0xB1B0AFBAu);
}

TEST_CASE("a font with tables keyed by glyph id, or an order naming no glyph, keeps its own order", "[pdf]") {
    std::vector<hb_codepoint_t> map;
    const std::string sub = subset({0, 68}, map);
    CHECK(pdf::reorder_glyphs(sub, {0, static_cast<std::int32_t>(map[1])}));
    CHECK_FALSE(pdf::reorder_glyphs(sub, {0, 5000}));
    CHECK_FALSE(pdf::reorder_glyphs(read(test::fonts_dir() + "/NotoSans-Regular.ttf"), {0, 68}));  // GSUB, cmap, ...
    CHECK_FALSE(pdf::reorder_glyphs("not a font", {0}));
}
