#include "text/shape.hpp"

#include <string>

namespace leafpress::text {

VerticalMetrics vertical_metrics(const Face& face, Pt size) {
    return {face.to_pt(face.ascender(), size), face.to_pt(-face.descender(), size)};
}

Pt cap_height(const Face& face, Pt size) { return face.to_pt(face.cap_height(), size); }

namespace {
// One buffer per thread, cleared for each call: a paragraph shapes word by word, and a buffer
// made and freed each time was a tenth of the shaping.
struct Buffer {
    hb_buffer_t* buf = hb_buffer_create();
    ~Buffer() { hb_buffer_destroy(buf); }
};
}  // namespace

std::vector<ShapedGlyph> shape(const ShapeRequest& r) {
    thread_local Buffer reused;
    hb_buffer_t* buf = reused.buf;
    hb_buffer_reset(buf);
    hb_buffer_add_utf32(buf, reinterpret_cast<const std::uint32_t*>(r.text.data()), static_cast<int>(r.text.size()),
                        static_cast<unsigned>(r.start), static_cast<int>(r.length));
    hb_buffer_set_direction(buf, r.direction == Direction::RightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    const std::string lang(r.language);
    hb_buffer_set_language(buf, hb_language_from_string(lang.c_str(), static_cast<int>(lang.size())));
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    if (r.script != HB_SCRIPT_INVALID && r.script != HB_SCRIPT_COMMON && r.script != HB_SCRIPT_INHERITED)
        hb_buffer_set_script(buf, r.script);
    hb_buffer_guess_segment_properties(buf);

    static const hb_feature_t features[] = {
        {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    };
    hb_shape(r.face->hb_font(), buf, features, 2);

    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    std::vector<ShapedGlyph> out;
    out.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
        out.push_back({info[i].codepoint, r.face->to_pt(pos[i].x_advance, r.size), r.face->to_pt(pos[i].x_offset, r.size),
                       r.face->to_pt(pos[i].y_offset, r.size), info[i].cluster});
    }
    return out;
}

}  // namespace leafpress::text
