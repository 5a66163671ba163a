#include "pdf/font_embed.hpp"

#include <hb-subset.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace leafpress::pdf {

namespace {

std::string hex4(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
    return buf;
}

std::string utf16_hex(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        if (c >= 0x10000) {
            const unsigned v = static_cast<unsigned>(c) - 0x10000;
            out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF));
        } else {
            out += hex4(static_cast<unsigned>(c));
        }
    }
    return out;
}

std::string to_unicode_cmap(const std::vector<std::u32string>& text_of) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<std::uint32_t, const std::u32string*>> entries;
    for (std::size_t cid = 1; cid < text_of.size(); ++cid)
        if (!text_of[cid].empty()) entries.emplace_back(static_cast<std::uint32_t>(cid), &text_of[cid]);
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        cmap += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k)
            cmap += "<" + hex4(entries[k].first) + "> <" + utf16_hex(*entries[k].second) + ">\n";
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

// Six capital letters from the glyph set, so that the same subset gets the same tag.
std::string subset_tag(const std::string& name, const std::vector<std::uint32_t>& glyphs) {
    std::uint64_t h = 1469598103934665603ULL;
    const auto mix = [&](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
    for (char c : name) mix(static_cast<unsigned char>(c));
    for (std::uint32_t gid : glyphs) mix(gid);
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag.push_back(static_cast<char>('A' + h % 26));
        h /= 26;
    }
    return tag;
}

int16_t be16(const char* p) { return static_cast<int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1])); }

}  // namespace

EmbeddedFont::EmbeddedFont(HPDF_Doc doc, const text::Face& face, std::string resource_name)
    : doc_(doc), face_(face), name_(std::move(resource_name)), type0_(new_dict(doc)), gid_of_{0}, text_of_{{}} {}

long EmbeddedFont::width(std::uint32_t gid) const {
    return std::lround(face_.advance(gid) * 1000.0 / face_.units_per_em());
}

EmbeddedFont::Use EmbeddedFont::use(std::uint32_t gid, const std::u32string& text) {
    auto [it, added] = cids_.try_emplace({gid, text}, static_cast<std::uint16_t>(gid_of_.size()));
    if (added) {
        if (gid_of_.size() >= 0xFFFF) {  // out of character ids: share the glyph's first one
            cids_.erase(it);
            for (std::size_t c = 1; c < gid_of_.size(); ++c)
                if (gid_of_[c] == gid) return {static_cast<std::uint16_t>(c), width(gid)};
            return {0, width(0)};
        }
        gid_of_.push_back(gid);
        text_of_.push_back(text);
    }
    return {it->second, width(gid)};
}

bool EmbeddedFont::finish(std::string& error) {
    // The subset: the glyphs used, with their ids kept so that CID = GID (Identity).
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) { error = "hb-subset could not start"; return false; }
    hb_set_t* gids = hb_subset_input_glyph_set(input);
    for (std::uint32_t gid : gid_of_) hb_set_add(gids, gid);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n')})
        hb_set_add(drop, t);
    hb_face_t* subset = hb_subset_or_fail(face_.hb_face(), input);
    hb_subset_input_destroy(input);
    if (!subset) { error = "hb-subset failed for " + face_.path(); return false; }
    hb_blob_t* blob = hb_face_reference_blob(subset);
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob, &len);
    HPDF_Dict file = new_stream(doc_, {reinterpret_cast<const std::uint8_t*>(data), len});
    HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(len));
    hb_blob_destroy(blob);
    hb_face_destroy(subset);

    const double k = 1000.0 / face_.units_per_em();
    const std::string base = subset_tag(face_.postscript_name(), gid_of_) + "+" + face_.postscript_name();

    // Bounding box and italic angle from the 'head' and 'post' tables.
    int bbox[4] = {-500, -300, 1500, 1100};
    double italic_angle = 0;
    if (hb_blob_t* head = hb_face_reference_table(face_.hb_face(), HB_TAG('h', 'e', 'a', 'd'))) {
        unsigned n = 0;
        const char* p = hb_blob_get_data(head, &n);
        if (n >= 44)
            for (int i = 0; i < 4; ++i) bbox[i] = static_cast<int>(std::lround(be16(p + 36 + 2 * i) * k));
        hb_blob_destroy(head);
    }
    if (hb_blob_t* post = hb_face_reference_table(face_.hb_face(), HB_TAG('p', 'o', 's', 't'))) {
        unsigned n = 0;
        const char* p = hb_blob_get_data(post, &n);
        if (n >= 8) italic_angle = be16(p + 4) + static_cast<uint16_t>(be16(p + 6)) / 65536.0;
        hb_blob_destroy(post);
    }

    HPDF_Dict desc = new_dict(doc_);
    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", base.c_str());
    const bool italic = face_.style() == FontStyle::Italic || face_.style() == FontStyle::BoldItalic;
    HPDF_Dict_AddNumber(desc, "Flags", 32 | (italic ? 64 : 0));
    HPDF_Array box = HPDF_Array_New(doc_->mmgr);
    for (int v : bbox) HPDF_Array_AddNumber(box, v);
    HPDF_Dict_Add(desc, "FontBBox", box);
    HPDF_Dict_AddReal(desc, "ItalicAngle", static_cast<HPDF_REAL>(italic_angle));
    HPDF_Dict_AddNumber(desc, "Ascent", static_cast<HPDF_INT32>(std::lround(face_.ascender() * k)));
    HPDF_Dict_AddNumber(desc, "Descent", static_cast<HPDF_INT32>(std::lround(face_.descender() * k)));
    HPDF_Dict_AddNumber(desc, "CapHeight", static_cast<HPDF_INT32>(std::lround(face_.cap_height() * k)));
    const bool bold = face_.style() == FontStyle::Bold || face_.style() == FontStyle::BoldItalic;
    HPDF_Dict_AddNumber(desc, "StemV", bold ? 140 : 80);
    HPDF_Dict_Add(desc, "FontFile2", file);

    HPDF_Dict cid = new_dict(doc_);
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", base.c_str());
    HPDF_Dict info = HPDF_Dict_New(doc_->mmgr);
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(doc_->mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(doc_->mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    std::vector<std::uint8_t> map;
    map.reserve(gid_of_.size() * 2);
    for (std::uint32_t gid : gid_of_) {
        map.push_back(static_cast<std::uint8_t>(gid >> 8));
        map.push_back(static_cast<std::uint8_t>(gid & 0xFF));
    }
    HPDF_Dict_Add(cid, "CIDToGIDMap", new_stream(doc_, map));
    // /W: the widths of character ids 1..n, which are consecutive.
    HPDF_Array w = HPDF_Array_New(doc_->mmgr);
    HPDF_Array_AddNumber(w, 1);
    HPDF_Array run = HPDF_Array_New(doc_->mmgr);
    HPDF_Array_Add(w, run);
    for (std::size_t c = 1; c < gid_of_.size(); ++c) HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(width(gid_of_[c])));
    HPDF_Dict_Add(cid, "W", w);

    const std::string cmap = to_unicode_cmap(text_of_);
    HPDF_Dict tounicode = new_stream(doc_, {reinterpret_cast<const std::uint8_t*>(cmap.data()), cmap.size()});

    HPDF_Dict_AddName(type0_, "Type", "Font");
    HPDF_Dict_AddName(type0_, "Subtype", "Type0");
    HPDF_Dict_AddName(type0_, "BaseFont", base.c_str());
    HPDF_Dict_AddName(type0_, "Encoding", "Identity-H");
    HPDF_Array desc_fonts = HPDF_Array_New(doc_->mmgr);
    HPDF_Array_Add(desc_fonts, cid);
    HPDF_Dict_Add(type0_, "DescendantFonts", desc_fonts);
    HPDF_Dict_Add(type0_, "ToUnicode", tounicode);
    return true;
}

}  // namespace leafpress::pdf
