#include "pdf/font_embed.hpp"

#include <hb-subset.h>

#include "core/c_handle.hpp"
#include "pdf/glyph_order.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

namespace leafpress::pdf {

namespace {

using HbBlob = CHandle<hb_blob_t, hb_blob_destroy>;

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

std::string hex_code(std::uint32_t code, int bytes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, bytes == 1 ? "%02X" : "%04X", code);
    return buf;
}

// A code of the content stream and its text.
struct CodeText {
    std::uint32_t code;
    int bytes;
    const std::u32string* text;
};

// Entries ascending by code, none empty. Runs of codes whose texts are single characters one
// after another (ASCII letters under byte codes, mostly) become bfranges.
std::string to_unicode_cmap(const std::vector<CodeText>& entries, bool byte_codes) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n";
    cmap += byte_codes ? "3 begincodespacerange\n<20> <7F>\n<0000> <1FFF>\n<8000> <FFFF>\nendcodespacerange\n"
                       : "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::string> chars, ranges;
    // A one-byte code is always the ASCII character it stands for (see EmbeddedFont::use): one
    // range says so for all of them, those not used included.
    if (byte_codes) ranges.push_back("<20> <7E> <0020>\n");
    for (std::size_t i = 0; i < entries.size();) {
        const CodeText& e = entries[i];
        if (byte_codes && e.bytes == 1) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        const auto single = [](const CodeText& c) { return c.text->size() == 1 && (*c.text)[0] < 0xD800; };
        if (single(e))
            while (j < entries.size() && single(entries[j]) && entries[j].bytes == e.bytes &&
                   entries[j].code == e.code + (j - i) && (*entries[j].text)[0] == (*e.text)[0] + (j - i) &&
                   (entries[j].code >> 8) == (e.code >> 8))  // a bfrange changes the last byte only
                ++j;
        if (j - i >= 3) {
            ranges.push_back("<" + hex_code(e.code, e.bytes) + "> <" + hex_code(entries[j - 1].code, e.bytes) + "> <" +
                             utf16_hex(*e.text) + ">\n");
        } else {
            j = i + 1;
            chars.push_back("<" + hex_code(e.code, e.bytes) + "> <" + utf16_hex(*e.text) + ">\n");
        }
        i = j;
    }
    for (std::size_t i = 0; i < ranges.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
        cmap += std::to_string(n) + " beginbfrange\n";
        for (std::size_t k = i; k < i + n; ++k) cmap += ranges[k];
        cmap += "endbfrange\n";
    }
    for (std::size_t i = 0; i < chars.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, chars.size() - i);
        cmap += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) cmap += chars[k];
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

int16_t be16(const char* p) {
    return static_cast<int16_t>((static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1]));
}

}  // namespace

const std::vector<std::uint32_t>* CodeBook::codes(const std::u32string& text) const {
    const auto it = codes_.find(text);
    return it == codes_.end() ? nullptr : &it->second;
}

std::optional<std::uint32_t> CodeBook::add(const std::u32string& text) {
    if (next_ > 0xFFFF) return std::nullopt;
    const std::uint32_t code = next_++;
    if (next_ == 0x20) next_ = 0x80;      // 0x20..0x7F are the one-byte codes
    if (next_ == 0x2000) next_ = 0x8000;  // two-byte codes: <0000>..<1FFF>, then <8000>..<FFFF>
    codes_[text].push_back(code);
    texts_.emplace(code, text);
    return code;
}

EmbeddedFont::EmbeddedFont(HaruDocument& doc, const text::Face& face, std::string resource_name, CodeBook& book)
    : doc_(doc),
      face_(face),
      name_(std::move(resource_name)),
      book_(book),
      type0_(new_dict(doc.get())),
      by_cid_{{0, Glyph{}}} {}

long EmbeddedFont::width(std::uint32_t gid) const {
    return std::lround(face_.advance(gid) * 1000.0 / face_.units_per_em());
}

EmbeddedFont::Use EmbeddedFont::use(std::uint32_t gid, std::u32string_view chars) {
    if (face_.outlines() == text::Outlines::Cff) return use_cff(gid, chars);
    // A character id is its own code: one byte from 0x20 to 0x7F, else two (readers that key
    // ToUnicode by character id expect ids inside the encoding's code space).
    const auto code_of = [](std::uint32_t cid) -> std::pair<std::uint32_t, int> {
        return cid >= 0x20 && cid <= 0x7F ? std::pair{cid, 1} : std::pair{cid, 2};
    };
    const std::uint64_t single = chars.size() == 1 ? (std::uint64_t{gid} << 32 | chars[0]) : 0;
    if (single)
        if (auto it = single_cids_.find(single); it != single_cids_.end()) {
            const auto [code, bytes] = code_of(it->second.cid);
            return {code, bytes, it->second.width, std::nullopt};
        }
    const std::u32string text(chars);
    if (auto it = cids_.find({gid, text}); it != cids_.end()) {
        const auto [code, bytes] = code_of(it->second);
        return {code, bytes, width(gid), std::nullopt};
    }
    // One printable ASCII character: its own code, if no other glyph has it yet. Else the
    // book's first code for the text that this font has not given to another glyph, or a new one.
    std::uint32_t cid = 0;
    if (text.size() == 1 && text[0] >= 0x20 && text[0] <= 0x7E && !by_cid_.contains(text[0])) {
        cid = text[0];
    } else if (const auto* codes = book_.codes(text)) {
        for (std::uint32_t c : *codes)
            if (!by_cid_.contains(c)) {
                cid = c;
                break;
            }
    }
    if (cid == 0)
        if (auto added = book_.add(text)) cid = *added;
    if (cid == 0) {  // out of character ids: share the glyph's first one, and say the text in a span
        for (const auto& [c, g] : by_cid_)
            if (c > 0 && g.gid == gid) {
                const auto [code, bytes] = code_of(c);
                return {code, bytes, width(gid), text};
            }
        return {0, 2, width(0), text};
    }
    by_cid_[cid] = {gid, text, 0};
    cids_.emplace(std::pair{gid, text}, cid);
    if (single) single_cids_.emplace(single, Known{cid, width(gid)});
    const auto [code, bytes] = code_of(cid);
    return {code, bytes, width(gid), std::nullopt};
}

EmbeddedFont::Use EmbeddedFont::use_cff(std::uint32_t gid, std::u32string_view chars) {
    const std::u32string text(chars);
    cff_glyphs_.insert(gid);
    const std::uint32_t code = face_.cid(gid);
    Use u{code, 2, width(gid), std::nullopt};
    if (text.empty()) {
        // A glyph that stands for no text (a mark drawn again, its text carried by its base).
        u.actual_text = std::u32string();
        return u;
    }
    auto [it, added] = cff_text_.try_emplace(code, text);
    if (!added && it->second != text) u.actual_text = text;
    return u;
}

// The subset: the glyphs used. TrueType glyphs are renumbered (the CIDToGIDMap names the new
// ids, kept in new_gid_); CID-keyed CFF renumbers its glyphs but keeps each one's character id
// in its charset; name-keyed CFF keeps its glyph ids, which are its character ids.
Result<HPDF_Dict> EmbeddedFont::subset_file() {
    const bool cff = face_.outlines() == text::Outlines::Cff;
    const CHandle<hb_subset_input_t, hb_subset_input_destroy> input(hb_subset_input_create_or_fail());
    if (!input) {
        return Failure{"hb-subset could not start"};
    }
    hb_set_t* gids = hb_subset_input_glyph_set(input.get());
    if (cff) {
        for (std::uint32_t gid : cff_glyphs_) hb_set_add(gids, gid);
    } else {
        for (const auto& [cid, g] : by_cid_) hb_set_add(gids, g.gid);
    }
    const bool keep_gids = cff && !face_.cid_keyed();
    hb_subset_input_set_flags(input.get(), (keep_gids ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0) | HB_SUBSET_FLAGS_NO_HINTING);
    // Layout tables (the PDF positions every glyph), and for TrueType what a CIDFontType2 reads
    // through its CIDToGIDMap instead of by name or code (cmap, name, post), or takes from the
    // font descriptor instead (OS/2), or never reads in a PDF (gasp). They are left out of the
    // face hb-subset is given, and dropped from the subset all the same.
    static constexpr hb_tag_t kLayout[] = {
        HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('V', 'O', 'R', 'G'),
        HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('B', 'A', 'S', 'E')};
    static constexpr hb_tag_t kTrueType[] = {HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
                                             HB_TAG('p', 'o', 's', 't'), HB_TAG('O', 'S', '/', '2'),
                                             HB_TAG('g', 'a', 's', 'p')};
    std::vector<hb_tag_t> dropped(std::begin(kLayout), std::end(kLayout));
    if (!cff) dropped.insert(dropped.end(), std::begin(kTrueType), std::end(kTrueType));
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t : dropped) hb_set_add(drop, t);
    const CHandle<hb_subset_plan_t, hb_subset_plan_destroy> plan(
        hb_subset_plan_create_or_fail(face_.subset_source(dropped), input.get()));
    if (!plan) {
        return Failure{"hb-subset could not plan a subset of " + face_.path()};
    }
    if (!cff) {
        const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
        for (auto& [cid, g] : by_cid_) g.new_gid = hb_map_get(old_to_new, g.gid);
    }
    const CHandle<hb_face_t, hb_face_destroy> subset(hb_subset_plan_execute_or_fail(plan.get()));
    if (!subset) {
        return Failure{"hb-subset failed for " + face_.path()};
    }
    // CID-keyed CFF outlines go in bare (FontFile3/CIDFontType0C): poppler reads the charset of
    // a bare CFF program, but draws nothing from a CID-keyed one wrapped in OpenType. Name-keyed
    // ones stay OpenType (FontFile3/OpenType), their glyph ids kept so that CID = GID.
    const bool bare = cff && face_.cid_keyed();
    const HbBlob blob(bare ? hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' '))
                           : hb_face_reference_blob(subset.get()));
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob.get(), &len);
    std::optional<std::string> reordered;
    // TrueType glyphs in the order of their ids, while the ids are few (two-byte ids past
    // 0x1FFF would make tens of thousands of empty glyphs: a map is smaller then).
    if (!cff && by_cid_.rbegin()->first <= 0x1FFF) {
        std::vector<std::int32_t> order(by_cid_.rbegin()->first + 1, kNoGlyph);
        for (const auto& [c, g] : by_cid_) order[c] = static_cast<std::int32_t>(g.new_gid);
        reordered = reorder_glyphs({data, len}, order);
    }
    identity_ = reordered.has_value();
    if (reordered) {
        data = reordered->data();
        len = static_cast<unsigned>(reordered->size());
    }
    HPDF_Dict file = new_stream(doc_, {reinterpret_cast<const std::uint8_t*>(data), len});
    if (!file) return Failure{};  // libharu ran out of memory (as before: no message of its own)
    if (cff)
        HPDF_Dict_AddName(file, "Subtype", face_.cid_keyed() ? "CIDFontType0C" : "OpenType");
    else
        HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(len));
    return file;
}

HPDF_Dict EmbeddedFont::descriptor(const std::string& base, HPDF_Dict file) {
    const double k = 1000.0 / face_.units_per_em();
    // Bounding box and italic angle from the 'head' and 'post' tables.
    int bbox[4] = {-500, -300, 1500, 1100};
    double italic_angle = 0;
    if (const HbBlob head{hb_face_reference_table(face_.hb_face(), HB_TAG('h', 'e', 'a', 'd'))}) {
        unsigned n = 0;
        const char* p = hb_blob_get_data(head.get(), &n);
        if (n >= 44)
            for (int i = 0; i < 4; ++i) bbox[i] = static_cast<int>(std::lround(be16(p + 36 + 2 * i) * k));
    }
    if (const HbBlob post{hb_face_reference_table(face_.hb_face(), HB_TAG('p', 'o', 's', 't'))}) {
        unsigned n = 0;
        const char* p = hb_blob_get_data(post.get(), &n);
        if (n >= 8) italic_angle = be16(p + 4) + static_cast<uint16_t>(be16(p + 6)) / 65536.0;
    }
    HPDF_Dict desc = new_dict(doc_.get());
    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", base.c_str());
    const bool italic = face_.style() == FontStyle::Italic || face_.style() == FontStyle::BoldItalic;
    HPDF_Dict_AddNumber(desc, "Flags", 32 | (italic ? 64 : 0));
    HPDF_Array box = HPDF_Array_New(doc_.mmgr());
    for (int v : bbox) HPDF_Array_AddNumber(box, v);
    HPDF_Dict_Add(desc, "FontBBox", box);
    HPDF_Dict_AddReal(desc, "ItalicAngle", static_cast<HPDF_REAL>(italic_angle));
    HPDF_Dict_AddNumber(desc, "Ascent", static_cast<HPDF_INT32>(std::lround(face_.ascender() * k)));
    HPDF_Dict_AddNumber(desc, "Descent", static_cast<HPDF_INT32>(std::lround(face_.descender() * k)));
    HPDF_Dict_AddNumber(desc, "CapHeight", static_cast<HPDF_INT32>(std::lround(face_.cap_height() * k)));
    const bool bold = face_.style() == FontStyle::Bold || face_.style() == FontStyle::BoldItalic;
    HPDF_Dict_AddNumber(desc, "StemV", bold ? 140 : 80);
    HPDF_Dict_Add(desc, face_.outlines() == text::Outlines::Cff ? "FontFile3" : "FontFile2", file);
    return desc;
}

namespace {

HPDF_Dict cid_font(HPDF_Doc doc, const char* subtype, const std::string& base, const text::Face::CidSystem& system,
                   HPDF_Dict desc) {
    HPDF_Dict cid = new_dict(doc);
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", subtype);
    HPDF_Dict_AddName(cid, "BaseFont", base.c_str());
    HPDF_Dict info = HPDF_Dict_New(doc->mmgr);
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(doc->mmgr, system.registry.c_str(), nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(doc->mmgr, system.ordering.c_str(), nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", system.supplement);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    return cid;
}

}  // namespace

void EmbeddedFont::add_cid_to_gid_map(HPDF_Dict cid) {
    std::vector<std::uint8_t> map;
    // Two bytes for every id up to the last (those not used are 0, .notdef: mostly zeros,
    // which compress to nearly nothing).
    map.assign((by_cid_.rbegin()->first + 1) * 2, 0);
    for (const auto& [c, g] : by_cid_) {
        map[2 * c] = static_cast<std::uint8_t>(g.new_gid >> 8);
        map[2 * c + 1] = static_cast<std::uint8_t>(g.new_gid & 0xFF);
    }
    HPDF_Dict_Add(cid, "CIDToGIDMap", new_stream(doc_, map));
}

HPDF_Dict EmbeddedFont::cid_font_type2(const std::string& base, HPDF_Dict desc) {
    HPDF_Dict cid = cid_font(doc_.get(), "CIDFontType2", base, {}, desc);
    if (identity_) {
        HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
    } else {
        add_cid_to_gid_map(cid);
    }
    // /W: the widths of the character ids used, in runs of consecutive ids.
    HPDF_Array w = HPDF_Array_New(doc_.mmgr());
    HPDF_Array run = nullptr;
    std::size_t next = 0;
    for (const auto& [c, g] : by_cid_) {
        if (c == 0) continue;
        if (!run || c != next) {
            HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(c));
            run = HPDF_Array_New(doc_.mmgr());
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(width(g.gid)));
        next = c + 1;
    }
    HPDF_Dict_Add(cid, "W", w);
    return cid;
}

HPDF_Dict EmbeddedFont::cid_font_type0(const std::string& base, HPDF_Dict desc) {
    HPDF_Dict cid = cid_font(doc_.get(), "CIDFontType0", base, face_.cid_system(), desc);
    // /W: the widths of the character ids used, in runs of consecutive ids.
    std::map<std::uint32_t, long> widths;
    for (std::uint32_t gid : cff_glyphs_) widths[face_.cid(gid)] = width(gid);
    HPDF_Array w = HPDF_Array_New(doc_.mmgr());
    HPDF_Array run = nullptr;
    long next = -1;
    for (const auto& [code, width] : widths) {
        if (static_cast<long>(code) != next) {
            HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(code));
            run = HPDF_Array_New(doc_.mmgr());
            HPDF_Array_Add(w, run);
        }
        HPDF_Array_AddNumber(run, static_cast<HPDF_INT32>(width));
        next = static_cast<long>(code) + 1;
    }
    HPDF_Dict_Add(cid, "W", w);
    return cid;
}

Result<void> EmbeddedFont::finish(HPDF_Dict byte_codes, HPDF_Dict to_unicode) {
    const bool cff = face_.outlines() == text::Outlines::Cff;
    const Result<HPDF_Dict> subset = subset_file();
    if (!subset) return Failure{subset.error()};
    HPDF_Dict file = *subset;
    std::vector<std::uint32_t> glyphs;
    if (cff) {
        glyphs.assign(cff_glyphs_.begin(), cff_glyphs_.end());
    } else {
        for (const auto& [c, g] : by_cid_) glyphs.push_back(g.gid);
    }
    const std::string base = subset_tag(face_.postscript_name(), glyphs) + "+" + face_.postscript_name();
    HPDF_Dict desc = descriptor(base, file);
    HPDF_Dict cid = cff ? cid_font_type0(base, desc) : cid_font_type2(base, desc);

    HPDF_Dict tounicode = to_unicode;
    if (cff) {
        std::vector<CodeText> entries;
        for (const auto& [code, text] : cff_text_) entries.push_back({code, 2, &text});
        const std::string cmap = to_unicode_cmap(entries, false);
        tounicode = new_stream(doc_, {reinterpret_cast<const std::uint8_t*>(cmap.data()), cmap.size()});
    }

    HPDF_Dict_AddName(type0_, "Type", "Font");
    HPDF_Dict_AddName(type0_, "Subtype", "Type0");
    HPDF_Dict_AddName(type0_, "BaseFont", base.c_str());
    if (cff)
        HPDF_Dict_AddName(type0_, "Encoding", "Identity-H");
    else
        HPDF_Dict_Add(type0_, "Encoding", byte_codes);
    HPDF_Array desc_fonts = HPDF_Array_New(doc_.mmgr());
    HPDF_Array_Add(desc_fonts, cid);
    HPDF_Dict_Add(type0_, "DescendantFonts", desc_fonts);
    HPDF_Dict_Add(type0_, "ToUnicode", tounicode);
    return {};
}

HPDF_Dict shared_to_unicode(HaruDocument& doc, const CodeBook& book) {
    std::vector<CodeText> entries;
    for (const auto& [code, text] : book.texts())
        if (!text.empty()) entries.push_back({code, 2, &text});
    const std::string cmap = to_unicode_cmap(entries, true);
    return new_stream(doc, {reinterpret_cast<const std::uint8_t*>(cmap.data()), cmap.size()});
}

HPDF_Dict byte_codes_cmap(HaruDocument& doc) {
    static constexpr std::string_view kName = "Leafpress-ByteCodes-H";
    const std::string text =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
        "/CMapName /" +
        std::string(kName) +
        " def\n/CMapType 1 def\n/WMode 0 def\n"
        "3 begincodespacerange\n<20> <7F>\n<0000> <1FFF>\n<8000> <FFFF>\nendcodespacerange\n"
        "3 begincidrange\n<20> <7F> 32\n<0000> <1FFF> 0\n<8000> <FFFF> 32768\nendcidrange\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Dict cmap = new_stream(doc, {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
    HPDF_Dict_AddName(cmap, "Type", "CMap");
    HPDF_Dict_AddName(cmap, "CMapName", std::string(kName).c_str());
    HPDF_Dict info = HPDF_Dict_New(doc.mmgr());
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(doc.mmgr(), "Adobe", nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(doc.mmgr(), "Identity", nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cmap, "CIDSystemInfo", info);
    HPDF_Dict_AddNumber(cmap, "WMode", 0);
    return cmap;
}

}  // namespace leafpress::pdf
