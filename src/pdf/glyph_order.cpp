#include "pdf/glyph_order.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace leafpress::pdf {

namespace {

std::uint32_t u16(std::string_view s, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 8) | static_cast<unsigned char>(s[at + 1]);
}

std::uint32_t u32(std::string_view s, std::size_t at) { return (u16(s, at) << 16) | u16(s, at + 2); }

void put16(std::string& s, std::uint32_t v) {
    s.push_back(static_cast<char>((v >> 8) & 0xFF));
    s.push_back(static_cast<char>(v & 0xFF));
}

void put32(std::string& s, std::uint32_t v) {
    put16(s, v >> 16);
    put16(s, v & 0xFFFF);
}

void set16(std::string& s, std::size_t at, std::uint32_t v) {
    s[at] = static_cast<char>((v >> 8) & 0xFF);
    s[at + 1] = static_cast<char>(v & 0xFF);
}

std::uint32_t checksum(std::string_view data) {
    std::uint32_t sum = 0;
    std::size_t i = 0;
    for (; i + 4 <= data.size(); i += 4) sum += u32(data, i);
    if (i < data.size()) {  // the last word, padded with zeros
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k)
            word = (word << 8) | (i + k < data.size() ? static_cast<unsigned char>(data[i + k]) : 0u);
        sum += word;
    }
    return sum;
}

constexpr std::uint32_t tag(const char (&t)[5]) {
    return (static_cast<std::uint32_t>(t[0]) << 24) | (static_cast<std::uint32_t>(t[1]) << 16) |
           (static_cast<std::uint32_t>(t[2]) << 8) | static_cast<std::uint32_t>(t[3]);
}

// Composite glyph flags (OpenType 'glyf').
constexpr std::uint32_t kArgsAreWords = 0x0001, kScale = 0x0008, kMoreComponents = 0x0020, kXyScale = 0x0040,
                        kTwoByTwo = 0x0080;

// The places of a composite glyph's component glyph ids; false if the glyph is cut short.
bool component_ids(std::string_view glyph, std::vector<std::size_t>& at) {
    std::size_t p = 10;
    for (;;) {
        if (p + 4 > glyph.size()) return false;
        const std::uint32_t flags = u16(glyph, p);
        at.push_back(p + 2);
        p += 4 + ((flags & kArgsAreWords) ? 4 : 2);
        if (flags & kScale)
            p += 2;
        else if (flags & kXyScale)
            p += 4;
        else if (flags & kTwoByTwo)
            p += 8;
        if (!(flags & kMoreComponents)) return p <= glyph.size();
    }
}

}  // namespace

std::optional<std::string> reorder_glyphs(std::string_view font, const std::vector<std::int32_t>& order) {
    if (font.size() < 12) return std::nullopt;
    const std::uint32_t tables = u16(font, 4);
    if (font.size() < 12 + 16 * static_cast<std::size_t>(tables)) return std::nullopt;
    std::map<std::uint32_t, std::string_view> table;
    for (std::uint32_t i = 0; i < tables; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        const std::uint32_t t = u32(font, rec), offset = u32(font, rec + 8), length = u32(font, rec + 12);
        if (static_cast<std::uint64_t>(offset) + length > font.size()) return std::nullopt;
        table[t] = font.substr(offset, length);
    }
    const std::array<std::uint32_t, 6> needed{tag("head"), tag("hhea"), tag("maxp"),
                                              tag("hmtx"), tag("loca"), tag("glyf")};
    const std::array<std::uint32_t, 3> free_of_ids{tag("cvt "), tag("fpgm"), tag("prep")};
    for (std::uint32_t t : needed)
        if (!table.contains(t)) return std::nullopt;
    for (const auto& [t, data] : table)
        if (std::find(needed.begin(), needed.end(), t) == needed.end() &&
            std::find(free_of_ids.begin(), free_of_ids.end(), t) == free_of_ids.end())
            return std::nullopt;
    std::string head(table[tag("head")]), hhea(table[tag("hhea")]), maxp(table[tag("maxp")]);
    const std::string_view hmtx = table[tag("hmtx")], loca = table[tag("loca")], glyf = table[tag("glyf")];
    if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6) return std::nullopt;
    const std::uint32_t glyphs = u16(maxp, 4), metrics = u16(hhea, 34);
    const bool long_loca = u16(head, 50) != 0;
    if (metrics == 0 || metrics > glyphs || hmtx.size() < 4 * metrics + 2 * (glyphs - metrics) ||
        loca.size() < (long_loca ? 4 : 2) * (static_cast<std::size_t>(glyphs) + 1))
        return std::nullopt;
    const auto glyph_data = [&](std::uint32_t g) -> std::optional<std::string_view> {
        const std::size_t a = long_loca ? u32(loca, 4 * g) : 2 * u16(loca, 2 * g);
        const std::size_t b = long_loca ? u32(loca, 4 * (g + 1)) : 2 * u16(loca, 2 * (g + 1));
        if (b < a || b > glyf.size()) return std::nullopt;
        return glyf.substr(a, b - a);
    };
    const auto advance = [&](std::uint32_t g) { return u16(hmtx, 4 * std::min(g, metrics - 1)); };
    const auto bearing = [&](std::uint32_t g) {
        return g < metrics ? u16(hmtx, 4 * g + 2) : u16(hmtx, 4 * metrics + 2 * (g - metrics));
    };

    // The new order: as asked, then every glyph a composite needs that is not there yet.
    std::vector<std::int32_t> source(order);
    std::vector<std::int32_t> new_id(glyphs, kNoGlyph);
    for (std::size_t i = 0; i < source.size(); ++i) {
        const std::int32_t g = source[i];
        if (g < kNoGlyph || g >= static_cast<std::int32_t>(glyphs)) return std::nullopt;
        if (g >= 0 && new_id[static_cast<std::size_t>(g)] == kNoGlyph)
            new_id[static_cast<std::size_t>(g)] = static_cast<std::int32_t>(i);
    }
    for (std::size_t i = 0; i < source.size(); ++i) {  // grows as components are added
        if (source[i] < 0) continue;
        const auto data = glyph_data(static_cast<std::uint32_t>(source[i]));
        if (!data) return std::nullopt;
        if (data->size() < 10 || static_cast<std::int16_t>(u16(*data, 0)) >= 0) continue;
        std::vector<std::size_t> at;
        if (!component_ids(*data, at)) return std::nullopt;
        for (std::size_t p : at) {
            const std::uint32_t c = u16(*data, p);
            if (c >= glyphs) return std::nullopt;
            if (new_id[c] == kNoGlyph) {
                new_id[c] = static_cast<std::int32_t>(source.size());
                source.push_back(static_cast<std::int32_t>(c));
            }
        }
    }
    if (source.empty() || source.size() > 0xFFFF) return std::nullopt;

    // glyf, loca and hmtx in the new order; a glyph wanted twice is written twice.
    std::string new_glyf, new_hmtx;
    std::vector<std::size_t> offsets;
    for (const std::int32_t g : source) {
        offsets.push_back(new_glyf.size());
        if (g < 0) {
            put32(new_hmtx, 0);
            continue;
        }
        std::string data(*glyph_data(static_cast<std::uint32_t>(g)));
        if (data.size() >= 10 && static_cast<std::int16_t>(u16(data, 0)) < 0) {
            std::vector<std::size_t> at;
            component_ids(data, at);
            for (std::size_t p : at) set16(data, p, static_cast<std::uint32_t>(new_id[u16(data, p)]));
        }
        new_glyf += data;
        if (new_glyf.size() % 2) new_glyf.push_back('\0');
        put16(new_hmtx, advance(static_cast<std::uint32_t>(g)));
        put16(new_hmtx, bearing(static_cast<std::uint32_t>(g)));
    }
    offsets.push_back(new_glyf.size());
    const bool short_loca = new_glyf.size() / 2 <= 0xFFFF;
    std::string new_loca;
    for (std::size_t o : offsets) {
        if (short_loca)
            put16(new_loca, static_cast<std::uint32_t>(o / 2));
        else
            put32(new_loca, static_cast<std::uint32_t>(o));
    }
    const auto count = static_cast<std::uint32_t>(source.size());
    set16(maxp, 4, count);
    set16(hhea, 34, count);
    set16(head, 50, short_loca ? 0 : 1);
    set16(head, 8, 0);  // checkSumAdjustment, set below
    set16(head, 10, 0);

    std::map<std::uint32_t, std::string> out_tables;
    for (const auto& [t, data] : table) out_tables[t] = std::string(data);
    out_tables[tag("head")] = head;
    out_tables[tag("hhea")] = hhea;
    out_tables[tag("maxp")] = maxp;
    out_tables[tag("hmtx")] = new_hmtx;
    out_tables[tag("loca")] = new_loca;
    out_tables[tag("glyf")] = new_glyf;

    // The file: the offset table, the table records (by tag), the tables (each at four bytes).
    const auto n = static_cast<std::uint32_t>(out_tables.size());
    std::uint32_t power = 1, selector = 0;
    while (power * 2 <= n) {
        power *= 2;
        ++selector;
    }
    std::string out;
    put32(out, 0x00010000);
    put16(out, n);
    put16(out, power * 16);
    put16(out, selector);
    put16(out, n * 16 - power * 16);
    std::size_t offset = 12 + 16 * static_cast<std::size_t>(n);
    std::size_t head_at = 0;
    for (const auto& [t, data] : out_tables) {
        put32(out, t);
        put32(out, checksum(data));
        put32(out, static_cast<std::uint32_t>(offset));
        put32(out, static_cast<std::uint32_t>(data.size()));
        if (t == tag("head")) head_at = offset;
        offset += (data.size() + 3) / 4 * 4;
    }
    for (const auto& [t, data] : out_tables) {
        out += data;
        out.append((4 - data.size() % 4) % 4, '\0');
    }
    const std::uint32_t adjustment = 0xB1B0AFBAu - checksum(out);
    out[head_at + 8] = static_cast<char>(adjustment >> 24);
    out[head_at + 9] = static_cast<char>((adjustment >> 16) & 0xFF);
    out[head_at + 10] = static_cast<char>((adjustment >> 8) & 0xFF);
    out[head_at + 11] = static_cast<char>(adjustment & 0xFF);
    return out;
}

}  // namespace leafpress::pdf
