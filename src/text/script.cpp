#include "text/script.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace leafpress::text {

namespace {

struct ScriptInfo {
    hb_script_t script;
    std::string_view name;
    std::string_view family;  // the Noto family; empty for the CJK scripts (chosen by language)
    std::string_view package;
};

constexpr std::array<ScriptInfo, 40> kScripts{{
    {HB_SCRIPT_LATIN, "Latin", "Noto Sans", "fonts-noto-core"},
    {HB_SCRIPT_GREEK, "Greek", "Noto Sans", "fonts-noto-core"},
    {HB_SCRIPT_CYRILLIC, "Cyrillic", "Noto Sans", "fonts-noto-core"},
    {HB_SCRIPT_ARMENIAN, "Armenian", "Noto Sans Armenian", "fonts-noto-core"},
    {HB_SCRIPT_GEORGIAN, "Georgian", "Noto Sans Georgian", "fonts-noto-core"},
    {HB_SCRIPT_HEBREW, "Hebrew", "Noto Sans Hebrew", "fonts-noto-core"},
    {HB_SCRIPT_ARABIC, "Arabic", "Noto Sans Arabic", "fonts-noto-core"},
    {HB_SCRIPT_SYRIAC, "Syriac", "Noto Sans Syriac", "fonts-noto-core"},
    {HB_SCRIPT_THAANA, "Thaana", "Noto Sans Thaana", "fonts-noto-core"},
    {HB_SCRIPT_DEVANAGARI, "Devanagari", "Noto Sans Devanagari", "fonts-noto-core"},
    {HB_SCRIPT_BENGALI, "Bengali", "Noto Sans Bengali", "fonts-noto-core"},
    {HB_SCRIPT_GURMUKHI, "Gurmukhi", "Noto Sans Gurmukhi", "fonts-noto-core"},
    {HB_SCRIPT_GUJARATI, "Gujarati", "Noto Sans Gujarati", "fonts-noto-core"},
    {HB_SCRIPT_ORIYA, "Oriya", "Noto Sans Oriya", "fonts-noto-core"},
    {HB_SCRIPT_TAMIL, "Tamil", "Noto Sans Tamil", "fonts-noto-core"},
    {HB_SCRIPT_TELUGU, "Telugu", "Noto Sans Telugu", "fonts-noto-core"},
    {HB_SCRIPT_KANNADA, "Kannada", "Noto Sans Kannada", "fonts-noto-core"},
    {HB_SCRIPT_MALAYALAM, "Malayalam", "Noto Sans Malayalam", "fonts-noto-core"},
    {HB_SCRIPT_SINHALA, "Sinhala", "Noto Sans Sinhala", "fonts-noto-core"},
    {HB_SCRIPT_THAI, "Thai", "Noto Sans Thai", "fonts-noto-core"},
    {HB_SCRIPT_LAO, "Lao", "Noto Sans Lao", "fonts-noto-core"},
    {HB_SCRIPT_KHMER, "Khmer", "Noto Sans Khmer", "fonts-noto-core"},
    {HB_SCRIPT_MYANMAR, "Myanmar", "Noto Sans Myanmar", "fonts-noto-core"},
    {HB_SCRIPT_TIBETAN, "Tibetan", "Noto Serif Tibetan", "fonts-noto-core"},
    {HB_SCRIPT_ETHIOPIC, "Ethiopic", "Noto Sans Ethiopic", "fonts-noto-core"},
    {HB_SCRIPT_CHEROKEE, "Cherokee", "Noto Sans Cherokee", "fonts-noto-core"},
    {HB_SCRIPT_CANADIAN_SYLLABICS, "Canadian Syllabics", "Noto Sans Canadian Aboriginal", "fonts-noto-core"},
    {HB_SCRIPT_MONGOLIAN, "Mongolian", "Noto Sans Mongolian", "fonts-noto-core"},
    {HB_SCRIPT_TIFINAGH, "Tifinagh", "Noto Sans Tifinagh", "fonts-noto-core"},
    {HB_SCRIPT_HAN, "Han", "", "fonts-noto-cjk"},
    {HB_SCRIPT_HIRAGANA, "Hiragana", "", "fonts-noto-cjk"},
    {HB_SCRIPT_KATAKANA, "Katakana", "", "fonts-noto-cjk"},
    {HB_SCRIPT_HANGUL, "Hangul", "", "fonts-noto-cjk"},
    {HB_SCRIPT_BOPOMOFO, "Bopomofo", "", "fonts-noto-cjk"},
    {HB_SCRIPT_COMMON, "Common", "", "fonts-symbola"},
    {HB_SCRIPT_INHERITED, "Inherited", "", "fonts-symbola"},
    {HB_SCRIPT_VAI, "Vai", "Noto Sans Vai", "fonts-noto-core"},
    {HB_SCRIPT_ADLAM, "Adlam", "Noto Sans Adlam", "fonts-noto-core"},
    {HB_SCRIPT_NKO, "N'Ko", "Noto Sans NKo", "fonts-noto-core"},
    {HB_SCRIPT_YI, "Yi", "Noto Sans Yi", "fonts-noto-core"},
}};

const ScriptInfo* info(hb_script_t s) {
    for (const auto& i : kScripts)
        if (i.script == s) return &i;
    return nullptr;
}

// The Noto CJK cut for a language: Japanese, Korean, Traditional Chinese (Taiwan, Hong Kong)
// or Simplified Chinese.
std::string cjk_family(hb_script_t script, std::string_view language) {
    const std::string_view primary = language.substr(0, language.find('-'));
    const auto has = [&](std::string_view sub) { return language.find(sub) != std::string_view::npos; };
    if (script == HB_SCRIPT_HANGUL) return "Noto Sans CJK KR";
    if (script == HB_SCRIPT_HIRAGANA || script == HB_SCRIPT_KATAKANA) return "Noto Sans CJK JP";
    if (script == HB_SCRIPT_BOPOMOFO) return "Noto Sans CJK TC";
    if (primary == "ja") return "Noto Sans CJK JP";
    if (primary == "ko") return "Noto Sans CJK KR";
    if (has("-HK") || has("-MO") || primary == "yue") return "Noto Sans CJK HK";
    if (has("Hant") || has("-TW")) return "Noto Sans CJK TC";
    return "Noto Sans CJK SC";
}

bool is_cjk(hb_script_t s) {
    return s == HB_SCRIPT_HAN || s == HB_SCRIPT_HIRAGANA || s == HB_SCRIPT_KATAKANA || s == HB_SCRIPT_HANGUL ||
           s == HB_SCRIPT_BOPOMOFO;
}

char32_t mirror_pair(char32_t c) { return hb_unicode_mirroring(hb_unicode_funcs_get_default(), c); }

bool opens_pair(char32_t c) {
    return hb_unicode_general_category(hb_unicode_funcs_get_default(), c) ==
           HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION;
}
bool closes_pair(char32_t c) {
    return hb_unicode_general_category(hb_unicode_funcs_get_default(), c) ==
           HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION;
}

}  // namespace

bool is_common(char32_t c) {
    const hb_script_t s = hb_unicode_script(hb_unicode_funcs_get_default(), c);
    return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

std::vector<hb_script_t> resolve_scripts(std::u32string_view text) {
    auto* funcs = hb_unicode_funcs_get_default();
    std::vector<hb_script_t> out(text.size(), HB_SCRIPT_COMMON);
    std::vector<std::pair<char32_t, hb_script_t>> open;  // open brackets: the closer they want, their script
    hb_script_t last = HB_SCRIPT_COMMON;
    std::size_t first_strong = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        hb_script_t s = hb_unicode_script(funcs, c);
        if (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN) {
            s = last;
            if (opens_pair(c)) {
                if (open.size() < 64) open.emplace_back(mirror_pair(c), last);
            } else if (closes_pair(c)) {
                for (std::size_t k = open.size(); k-- > 0;)
                    if (open[k].first == c) {
                        s = open[k].second;
                        open.resize(k);
                        break;
                    }
            }
        } else {
            last = s;
            if (first_strong == text.size()) first_strong = i;
        }
        out[i] = s;
    }
    // Common characters before the first strong one take its script.
    if (first_strong < text.size())
        for (std::size_t i = 0; i < first_strong; ++i) out[i] = out[first_strong];
    return out;
}

std::vector<std::string> fallback_families(hb_script_t script, std::string_view language) {
    std::vector<std::string> out;
    if (is_cjk(script)) {
        out.push_back(cjk_family(script, language));
    } else if (const ScriptInfo* i = info(script); i && !i->family.empty()) {
        out.emplace_back(i->family);
    }
    // Symbols, arrows, check marks and mathematical signs, whatever the text around them; then
    // Symbola's outlines of pictographs (a pill, a syringe, a thermometer), printable where a
    // colour emoji font is not.
    for (const char* f : {"Noto Sans Symbols2", "Noto Sans Symbols", "Noto Sans Math", "DejaVu Sans", "Symbola"})
        if (std::find(out.begin(), out.end(), f) == out.end()) out.emplace_back(f);
    return out;
}

std::string_view font_package(hb_script_t script) {
    if (const ScriptInfo* i = info(script)) return i->package;
    if (script == HB_SCRIPT_UNKNOWN) return {};  // private use or unassigned: no font package has it
    return "fonts-noto-extra";
}

std::string script_name(hb_script_t script) {
    if (const ScriptInfo* i = info(script)) return std::string(i->name);
    char tag[5] = {};
    hb_tag_to_string(hb_script_to_iso15924_tag(script), tag);
    return tag;
}

}  // namespace leafpress::text
