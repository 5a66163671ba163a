#include "text/shape.hpp"

#include <string>

namespace leafpress::text {

VerticalMetrics vertical_metrics(const Face& face, Pt size) {
    return {face.to_pt(face.ascender(), size), face.to_pt(-face.descender(), size)};
}

GlyphInk glyph_ink(const Face& face, std::uint32_t gid, Pt size) {
    const GlyphBox b = face.ink(gid);
    if (b.empty()) return {};
    return {face.to_pt(b.x_min, size), face.to_pt(b.x_max, size), face.to_pt(b.y_min, size), face.to_pt(b.y_max, size),
            false};
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

namespace {

constexpr std::size_t kMemoLimit = 50000;  // words a face remembers: a few megabytes at most

// What the shaping of r.text[start, +length) depends on: the setting, the text, and the
// characters just around it (HarfBuzz's context: Arabic joining looks across the boundary),
// up to two each side, stopping at a space.
void memo_key(const ShapeRequest& r, std::u32string& key) {
    key.clear();
    key.push_back(r.direction == Direction::RightToLeft ? U'R' : U'L');
    key.push_back(static_cast<char32_t>(r.script));
    for (char c : r.language) key.push_back(static_cast<unsigned char>(c));
    key.push_back(U'\x1F');
    for (std::size_t k = r.start, n = 0; k > 0 && n < 2; --k, ++n) {
        key.push_back(r.text[k - 1]);
        if (r.text[k - 1] == U' ') break;
    }
    key.push_back(U'\x1F');
    key.append(r.text.substr(r.start, r.length));
    key.push_back(U'\x1F');
    for (std::size_t k = r.start + r.length, n = 0; k < r.text.size() && n < 2; ++k, ++n) {
        key.push_back(r.text[k]);
        if (r.text[k] == U' ') break;
    }
}

std::vector<ShapeMemo::Glyph> run_harfbuzz(const ShapeRequest& r) {
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
    std::vector<ShapeMemo::Glyph> out;
    out.reserve(n);
    for (unsigned i = 0; i < n; ++i)
        out.push_back({info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset,
                       info[i].cluster - static_cast<std::uint32_t>(r.start)});
    return out;
}

}  // namespace

std::vector<ShapedGlyph> shape(const ShapeRequest& r) {
    // Shaped once per face and setting, in font units; points at the size asked for.
    ShapeMemo& memo = r.face->shape_memo();
    thread_local std::u32string key;  // reused: most words are found
    memo_key(r, key);
    std::vector<ShapedGlyph> out;
    const auto convert = [&](const std::vector<ShapeMemo::Glyph>& units) {
        out.reserve(units.size());
        for (const auto& g : units)
            out.push_back({g.gid, r.face->to_pt(g.x_advance, r.size), r.face->to_pt(g.x_offset, r.size),
                           r.face->to_pt(g.y_offset, r.size), g.cluster + static_cast<std::uint32_t>(r.start)});
    };
    {
        std::lock_guard lock(memo.mutex);
        if (auto it = memo.words.find(key); it != memo.words.end()) {
            convert(it->second);
            return out;
        }
    }
    std::vector<ShapeMemo::Glyph> units = run_harfbuzz(r);
    convert(units);
    std::lock_guard lock(memo.mutex);
    if (memo.words.size() < kMemoLimit) memo.words.emplace(key, std::move(units));
    return out;
}

}  // namespace leafpress::text
