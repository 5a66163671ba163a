#include <catch2/catch.hpp>

#include "support.hpp"
#include "system_fonts.hpp"
#include "text/fonts.hpp"
#include "text/script.hpp"

using namespace leafpress;
using namespace leafpress::text;

TEST_CASE("common characters take the script of the text around them", "[script]") {
    // Each row: text, and the script letter expected for each character (L Latin, H Han,
    // A Arabic, C Cyrillic, K Hangul).
    const auto letter = [](hb_script_t s) {
        switch (s) {
            case HB_SCRIPT_LATIN: return 'L';
            case HB_SCRIPT_HAN: return 'H';
            case HB_SCRIPT_ARABIC: return 'A';
            case HB_SCRIPT_CYRILLIC: return 'C';
            case HB_SCRIPT_HANGUL: return 'K';
            default: return '?';
        }
    };
    const std::pair<std::u32string, std::string> rows[] = {
        {U"ab 中文", "LLLHH"},                        // the space after Latin is Latin
        {U"中文 ab", "HHHLL"},   {U"12 中", "HHHH"},  // leading digits take the first script that follows
        {U"中(ab)文", "HHLLHH"},                      // the closing bracket takes its opening bracket's script
        {U"ПР ≥ 38", "CCCCCCC"}, {U"بيت 5", "AAAAA"}, {U"한국어.", "KKKK"},
    };
    for (const auto& [text, want] : rows) {
        std::string got;
        for (hb_script_t s : resolve_scripts(text)) got += letter(s);
        CAPTURE(want);
        CHECK(got == want);
    }
    CHECK(resolve_scripts(U"").empty());
    CHECK(resolve_scripts(U"1 + 2").front() == HB_SCRIPT_COMMON);  // no script at all
}

TEST_CASE("fallback families follow the script and, for Han, the language", "[script]") {
    CHECK(fallback_families(HB_SCRIPT_HAN, "zh").front() == "Noto Sans CJK SC");
    CHECK(fallback_families(HB_SCRIPT_HAN, "zh-Hant").front() == "Noto Sans CJK TC");
    CHECK(fallback_families(HB_SCRIPT_HAN, "zh-TW").front() == "Noto Sans CJK TC");
    CHECK(fallback_families(HB_SCRIPT_HAN, "zh-HK").front() == "Noto Sans CJK HK");
    CHECK(fallback_families(HB_SCRIPT_HAN, "ja").front() == "Noto Sans CJK JP");
    CHECK(fallback_families(HB_SCRIPT_HAN, "ko").front() == "Noto Sans CJK KR");
    CHECK(fallback_families(HB_SCRIPT_HANGUL, "en").front() == "Noto Sans CJK KR");
    CHECK(fallback_families(HB_SCRIPT_DEVANAGARI, "hi").front() == "Noto Sans Devanagari");
    CHECK(fallback_families(HB_SCRIPT_HEBREW, "he").front() == "Noto Sans Hebrew");
    // Symbols whatever the script.
    const auto latin = fallback_families(HB_SCRIPT_LATIN, "en");
    CHECK(std::find(latin.begin(), latin.end(), "Noto Sans Symbols2") != latin.end());
    CHECK(font_package(HB_SCRIPT_HAN) == "fonts-noto-cjk");
    CHECK(font_package(HB_SCRIPT_THAI) == "fonts-noto-core");
    CHECK(font_package(HB_SCRIPT_UNKNOWN).empty());
    CHECK(script_name(HB_SCRIPT_DEVANAGARI) == "Devanagari");
    CHECK(script_name(HB_SCRIPT_OLD_ITALIC) == "Ital");
}

TEST_CASE("the library finds system faces through fontconfig only when asked", "[fonts][system-fonts]") {
    test::require_system_fonts({{"Noto Sans CJK SC", "fonts-noto-cjk"},
                                {"Noto Sans CJK JP", "fonts-noto-cjk"},
                                {"Noto Sans Hebrew", "fonts-noto-core"},
                                {"Noto Sans Symbols2", "fonts-noto-core"}});
    Diagnostics d;
    const FontLibrary lib = FontLibrary::scan(test::fonts_dir(), d);
    CHECK(lib.loaded_system_files().empty());
    // The folder's fonts cover Latin text without fontconfig.
    auto chain = resolve_fonts("Noto Sans", {}, lib, {}, d);
    REQUIRE(chain);
    CHECK(chain->face_for(U'a', FontStyle::Regular, HB_SCRIPT_LATIN, "en")->family() == "Noto Sans");
    CHECK(lib.loaded_system_files().empty());
    // Han in Chinese: the Simplified Chinese cut of the CJK collection, CFF outlines, CID-keyed.
    const Face* zh = chain->face_for(U'中', FontStyle::Regular, HB_SCRIPT_HAN, "zh");
    REQUIRE(zh);
    CHECK(zh->family() == "Noto Sans CJK SC");
    CHECK(zh->outlines() == Outlines::Cff);
    CHECK(zh->cid_keyed());
    CHECK(chain->face_for(U'中', FontStyle::Bold, HB_SCRIPT_HAN, "zh")->style() == FontStyle::Bold);
    CHECK(chain->face_for(U'中', FontStyle::Regular, HB_SCRIPT_HAN, "ja")->family() == "Noto Sans CJK JP");
    CHECK(chain->face_for(U'\u05D0', FontStyle::Regular, HB_SCRIPT_HEBREW, "he")->family() == "Noto Sans Hebrew");
    CHECK(chain->face_for(U'\u2713', FontStyle::Regular, HB_SCRIPT_LATIN, "en") != nullptr);
    CHECK(chain->face_for(U'\uE000', FontStyle::Regular, HB_SCRIPT_LATIN, "en") == nullptr);
    CHECK_FALSE(lib.loaded_system_files().empty());
    // Without the system, the folder alone.
    const FontLibrary folder = FontLibrary::scan(test::fonts_dir(), d, FontLibrary::System::Ignore);
    auto only = resolve_fonts("Noto Sans", {}, folder, {}, d);
    REQUIRE(only);
    CHECK(only->face_for(U'中', FontStyle::Regular, HB_SCRIPT_HAN, "zh") == nullptr);
}
