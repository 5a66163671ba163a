#include "text/itemize.hpp"

#include <fribidi.h>
#include <linebreak.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <set>

#include "core/utf8.hpp"
#include "text/icu_module.hpp"
#include "text/script.hpp"

namespace leafpress::text {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }

namespace {

bool inherits_face(char32_t c) {
    if (c < 0x80) return c < 0x20 || c == U' ' || c == 0x7F;  // spaces and controls; no ASCII mark
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xAD) return true;
    const auto cat = hb_unicode_general_category(hb_unicode_funcs_get_default(), c);
    return cat == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || cat == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           cat == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || cat == HB_UNICODE_GENERAL_CATEGORY_FORMAT ||
           cat == HB_UNICODE_GENERAL_CATEGORY_CONTROL;
}

std::once_flag linebreak_init;

// Thai, Lao, Khmer and Myanmar write words without spaces between them; UAX #14 leaves their
// breaks to a dictionary (class SA), which libunibreak does not have. ICU's line break
// iterator does: breaks inside such a stretch of text come from it.
bool needs_dictionary(hb_script_t s) {
    return s == HB_SCRIPT_THAI || s == HB_SCRIPT_LAO || s == HB_SCRIPT_KHMER || s == HB_SCRIPT_MYANMAR;
}

void dictionary_breaks(Itemized& it, const std::string& language, const SourcePos& where, Diagnostics& diags) {
    const std::size_t n = it.text.size();
    std::size_t i = 0;
    while (i < n) {
        // (Thai, the first of them, starts at U+0E00.)
        if (it.text[i] < 0x0E00 || !needs_dictionary(hb_unicode_script(hb_unicode_funcs_get_default(), it.text[i]))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n && (needs_dictionary(it.script[j]) && !is_space(it.text[j]) && it.text[j] != U'\n')) ++j;
        const Result<const Icu*>& icu = text::icu();
        if (!icu) {
            diags.error("text.dictionary", where,
                        "Thai, Lao, Khmer and Myanmar text cannot be broken into lines: " + icu.error(),
                        "reinstall leafpress: its ICU module belongs next to the program");
            return;
        }
        // Breaks inside the stretch [i, j), from ICU's dictionaries.
        std::vector<unsigned char> allow(j - i, 0);
        if ((*icu)->line_breaks(it.text.data() + i, j - i, language.c_str(), allow.data()) == 0)
            for (std::size_t k = 0; k + 1 < allow.size(); ++k)
                if (allow[k] && it.breaks[i + k] == BreakAfter::No) it.breaks[i + k] = BreakAfter::Allow;
        i = std::max(j, i + 1);
    }
}

bool is_digit(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9);
}

// A stretch of characters [begin, end) read left to right as a whole inside right-to-left text.
struct Span {
    std::size_t begin = 0, end = 0;
};

// Phone numbers and other digit groups with separators, such as "(858) 258-5090", read left
// to right inside right-to-left text. The bidi algorithm alone would reorder "258-5090" after
// Arabic letters (the hyphen between Arabic numbers stays neutral), and Arabic-Indic digit
// groups around a hyphen right to left: such a sequence is a left-to-right isolate.
std::vector<Span> digit_groups(const std::u32string& text) {
    std::vector<Span> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const bool opens = (text[i] == U'+' || text[i] == U'(') && i + 1 < n && is_digit(text[i + 1]);
        if (!is_digit(text[i]) && !opens) {
            ++i;
            continue;
        }
        std::size_t j = i, last_digit = i, digits = 0;
        bool separated = false;
        while (j < n) {
            const char32_t c = text[j];
            if (is_digit(c)) {
                ++digits;
                last_digit = j;
            } else if (c == U'-' || c == U' ' || c == U'.' || c == U'(' || c == U')' || c == U'/' || c == U'+' ||
                       c == 0x2010 || c == 0x2011)
                separated = separated || c != U' ';
            else
                break;
            ++j;
        }
        std::size_t end = last_digit + 1;
        if (end < n && text[end] == U')') ++end;
        if (digits >= 5 && separated) out.push_back({i, end});
        i = std::max(end, i + 1);
    }
    return out;
}

// The clinic's phone number (a run that says it is one) reads left to right as a whole inside
// right-to-left text, extension included: "+49 30 1234 5678 ext. 9". digit_groups sees only
// digit groups, and would leave "ext. 9" a separate left-to-right piece that the bidi algorithm
// orders before the number, or on the far side of the words next to it.
std::vector<Span> phone_runs(const Itemized& it, const std::vector<StyledRun>& runs) {
    std::vector<Span> out;
    const std::size_t n = it.text.size();
    for (std::size_t i = 0; i < n;) {
        const int r = it.run[i];
        std::size_t end = i;
        while (end < n && it.run[end] == r) ++end;
        if (runs[static_cast<std::size_t>(r)].role == RunRole::PhoneNumber) out.push_back({i, end});
        i = end;
    }
    return out;
}

// Whether the text before character i is right to left: its last strong character (UAX #9's
// L, R or AL) is R or AL; the paragraph's direction when there is none.
bool follows_rtl(const std::vector<FriBidiCharType>& types, std::size_t i, bool rtl_paragraph) {
    while (i-- > 0)
        if (FRIBIDI_IS_LETTER(types[i])) return FRIBIDI_IS_RTL(types[i]);
    return rtl_paragraph;
}

// The numbers and phone numbers to isolate: those in right-to-left text, in order, the ones
// that overlap joined (a phone number is a digit group too).
std::vector<Span> isolated_numbers(const Itemized& it, const std::vector<StyledRun>& runs,
                                   const std::vector<FriBidiCharType>& types, bool rtl_paragraph) {
    std::vector<Span> all = digit_groups(it.text);
    for (const Span& s : phone_runs(it, runs)) all.push_back(s);
    std::sort(all.begin(), all.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::vector<Span> joined;
    for (const Span& s : all) {
        if (!joined.empty() && s.begin < joined.back().end)
            joined.back().end = std::max(joined.back().end, s.end);
        else
            joined.push_back(s);
    }
    std::vector<Span> out;
    for (const Span& s : joined)
        if (follows_rtl(types, s.begin, rtl_paragraph)) out.push_back(s);
    return out;
}

// The paragraph's levels from FriBidi (UAX #9), each span isolated: FriBidi is given an LRI
// before it and a PDI after it, and its characters as strong left to right (as an LRO inside
// the isolate would make them), so that Arabic-Indic digit groups keep their order too. The
// isolates are FriBidi's alone: the text shaped, drawn and extracted has no such characters.
// Returns false when FriBidi fails.
bool resolve_levels(const std::u32string& text, const std::vector<FriBidiCharType>& types,
                    const std::vector<Span>& spans, FriBidiParType base, std::vector<FriBidiLevel>& levels) {
    const std::size_t n = text.size();
    std::vector<FriBidiBracketType> brackets(n);
    fribidi_get_bracket_types(reinterpret_cast<const FriBidiChar*>(text.data()), static_cast<FriBidiStrIndex>(n),
                              types.data(), brackets.data());
    std::vector<FriBidiCharType> t;
    std::vector<FriBidiBracketType> b;
    std::vector<std::size_t> at(n);  // each character's place in t
    t.reserve(n + 2 * spans.size());
    b.reserve(n + 2 * spans.size());
    std::size_t s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool inside = s < spans.size() && i >= spans[s].begin;
        if (inside && i == spans[s].begin) {
            t.push_back(FRIBIDI_TYPE_LRI);
            b.push_back(FRIBIDI_NO_BRACKET);
        }
        at[i] = t.size();
        t.push_back(inside ? FRIBIDI_TYPE_LTR : types[i]);
        b.push_back(inside ? FRIBIDI_NO_BRACKET : brackets[i]);
        if (inside && i + 1 == spans[s].end) {
            t.push_back(FRIBIDI_TYPE_PDI);
            b.push_back(FRIBIDI_NO_BRACKET);
            ++s;
        }
    }
    std::vector<FriBidiLevel> lv(t.size(), 0);
    if (fribidi_get_par_embedding_levels_ex(t.data(), b.data(), static_cast<FriBidiStrIndex>(t.size()), &base,
                                            lv.data()) == 0)
        return false;
    levels.resize(n);
    for (std::size_t i = 0; i < n; ++i) levels[i] = lv[at[i]];
    return true;
}

// Bidi levels (UAX #9) and the paragraph's direction. The direction is the style's, else that of
// its first strong character (P2, P3; left to right when it has none). Text with nothing right to
// left in it (no R, AL or AN character, no embedding or isolate) in a paragraph that is not right
// to left is all at level 0, as FriBidi would say: most paragraphs are, and need not ask it.
void bidi_levels(Itemized& it, const std::vector<StyledRun>& runs, const ParagraphStyle& style) {
    const std::size_t n = it.text.size();
    std::vector<FriBidiCharType> types(n);
    fribidi_get_bidi_types(reinterpret_cast<const FriBidiChar*>(it.text.data()), static_cast<FriBidiStrIndex>(n),
                           types.data());
    FriBidiParType base = style.direction == BaseDirection::RightToLeft ? FRIBIDI_PAR_RTL
                          : style.direction == BaseDirection::LeftToRight
                              ? FRIBIDI_PAR_LTR
                              : fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(n));
    if (base != FRIBIDI_PAR_RTL) base = FRIBIDI_PAR_LTR;
    it.level.assign(n, 0);
    const bool plain = base != FRIBIDI_PAR_RTL && std::none_of(types.begin(), types.end(), [](FriBidiCharType t) {
                           return FRIBIDI_IS_RTL(t) || FRIBIDI_IS_ARABIC(t) ||
                                  FRIBIDI_IS_EXPLICIT_OR_ISOLATE_OR_BN_OR_NSM(t) || t == FRIBIDI_TYPE_AN;
                       });
    if (!plain) {
        const auto spans = isolated_numbers(it, runs, types, base == FRIBIDI_PAR_RTL);
        std::vector<FriBidiLevel> levels;
        if (resolve_levels(it.text, types, spans, base, levels))
            it.level.assign(levels.begin(), levels.end());
        else
            base = FRIBIDI_PAR_LTR;
    }
    it.direction = base == FRIBIDI_PAR_RTL ? Direction::RightToLeft : Direction::LeftToRight;
}

// The file position of character i, from its run's anchors; the paragraph's otherwise.
SourcePos where_is(const std::vector<StyledRun>& runs, const Itemized& it, std::size_t i, const SourcePos& fallback) {
    const int r = it.run[i];
    const StyledRun& run = runs[static_cast<std::size_t>(r)];
    if (run.anchors.empty()) return fallback;
    std::size_t first = i;
    while (first > 0 && it.run[first - 1] == r) --first;
    const auto decoded = utf8::decode(run.text);
    const std::size_t k = i - first;
    if (k >= decoded.byte_offsets.size()) return fallback;
    if (auto lc = locate(run.text, run.anchors, decoded.byte_offsets[k])) return {fallback.file, lc->first, lc->second};
    return fallback;
}

}  // namespace

Itemized itemize(const std::vector<StyledRun>& runs, const ParagraphStyle& style, const TextContext& context,
                 Diagnostics& diags) {
    Itemized it;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const auto decoded = utf8::decode(runs[r].text);
        for (char32_t c : decoded.text) {
            it.text.push_back(c == U'\t' ? U' ' : c);
            it.run.push_back(static_cast<int>(r));
        }
    }
    const std::size_t n = it.text.size();
    if (n == 0) return it;

    bidi_levels(it, runs, style);

    // A face per character: the first in the chain that has it; marks and spaces follow
    // their neighbour so clusters stay in one face.
    it.script = resolve_scripts(it.text);
    it.face.assign(n, nullptr);
    std::set<char32_t> reported;
    // The chain's face for an ASCII character in a style, once a paragraph (the chain's faces
    // come before any script's fallback, so the script does not change it).
    std::array<const Face*, 4 * 128> ascii{};
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = it.text[i];
        const FontStyle fs = runs[static_cast<std::size_t>(it.run[i])].style;
        if (inherits_face(c) && i > 0 && it.run[i - 1] == it.run[i]) {
            it.face[i] = it.face[i - 1];
            continue;
        }
        const Face** known = c < 128 ? &ascii[static_cast<std::size_t>(fs) * 128 + c] : nullptr;
        if (known && *known) {
            it.face[i] = *known;
            continue;
        }
        const Face* f = context.fonts.face_for(c, fs, it.script[i], style.language.tag);
        if (known && f &&
            std::find(context.fonts.faces(fs).begin(), context.fonts.faces(fs).end(), f) !=
                context.fonts.faces(fs).end())
            *known = f;
        if (!f && !inherits_face(c)) {
            if (reported.insert(c).second) {
                // Quote the text around it so that it can be found in the paragraph.
                const std::size_t from = i > 12 ? i - 12 : 0;
                const std::size_t to = std::min(n, i + 13);
                std::string ch, around;
                utf8::append(ch, c);
                for (std::size_t k = from; k < to; ++k) utf8::append(around, it.text[k] == U'\n' ? U' ' : it.text[k]);
                const hb_script_t own = hb_unicode_script(hb_unicode_funcs_get_default(), c);
                const hb_script_t script = is_common(c) ? it.script[i] : own;
                diags.error("text.missing-glyph", where_is(runs, it, i, context.where),
                            "no installed font has the character " + utf8::codepoint_name(c) + " '" + ch + "' (" +
                                script_name(own) + " script), in \"" + (from > 0 ? "..." : "") + around +
                                (to < n ? "..." : "") + "\"",
                            font_package(script).empty()
                                ? std::string("a private-use or unassigned character: leave it out, or add a font that "
                                              "has it to the layout's fallback list")
                                : "install Debian's " + std::string(font_package(script)) +
                                      " package, add a font that has it to the layout's fallback list, or leave the "
                                      "character out");
            }
        }
        it.face[i] = f ? f : &context.fonts.primary(fs);
    }
    // Leading spaces and marks inherit from the next character.
    for (std::size_t i = n - 1; i-- > 0;) {
        const bool starts_run = i == 0 || it.run[i - 1] != it.run[i];
        if (starts_run && inherits_face(it.text[i]) && it.run[i + 1] == it.run[i]) it.face[i] = it.face[i + 1];
    }

    // Break opportunities (UAX #14) through libunibreak.
    std::call_once(linebreak_init, [] { init_linebreak(); });
    std::vector<char> brks(n);
    const std::string& lang = style.language.primary;
    set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(it.text.data()), n, lang.c_str(), brks.data());
    it.breaks.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        it.breaks[i] = brks[i] == LINEBREAK_MUSTBREAK    ? BreakAfter::Must
                       : brks[i] == LINEBREAK_ALLOWBREAK ? BreakAfter::Allow
                                                         : BreakAfter::No;
    }
    dictionary_breaks(it, lang, context.where, diags);
    // Korean is set with its words whole, broken at spaces (CSS's word-break: keep-all), as
    // Korean books and forms are; UAX #14 alone would break between any two syllables.
    if (lang == "ko")
        for (std::size_t i = 0; i + 1 < n; ++i)
            if (it.breaks[i] == BreakAfter::Allow && it.script[i] == HB_SCRIPT_HANGUL &&
                it.script[i + 1] == HB_SCRIPT_HANGUL && !is_space(it.text[i]) && !is_space(it.text[i + 1]))
                it.breaks[i] = BreakAfter::No;
    // The end of the text is not a hard break of its own.
    if (it.text.back() != U'\n') it.breaks.back() = BreakAfter::Must;
    return it;
}

}  // namespace leafpress::text
