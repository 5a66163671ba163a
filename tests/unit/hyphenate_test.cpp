#include <catch2/catch.hpp>

#include "support.hpp"

#include "core/language.hpp"
#include "text/hyphenate.hpp"

using namespace leafpress::text;

namespace {
std::string hyphenated(const Hyphenator& h, const std::u32string& word) {
    std::string out;
    const auto points = h.points(word);
    std::size_t k = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (k < points.size() && points[k] == i) {
            out += '-';
            ++k;
        }
        out += static_cast<char>(word[i]);
    }
    return out;
}
}  // namespace

TEST_CASE("English words are hyphenated by the system's patterns", "[hyphenate]") {
    auto h = Hyphenator::load("en", "/usr/share/hyphen");
    REQUIRE(h);
    CHECK(hyphenated(*h, U"inflammation") == "in-flam-ma-tion");
    CHECK(hyphenated(*h, U"Autoimmune") == "Au-toim-mune");
    // Minimums: two letters before the first hyphen, three after the last.
    for (auto p : h->points(U"regenerative")) {
        CHECK(p >= 2);
        CHECK(p <= 12 - 3);
    }
    CHECK(h->points(U"cell").empty());
}

TEST_CASE("pattern files are found by language and region", "[hyphenate]") {
    CHECK(find_patterns("en", "/usr/share/hyphen").ends_with("hyph_en_US.dic"));
    CHECK(find_patterns("en-GB", "/usr/share/hyphen").ends_with("hyph_en_GB.dic"));
    CHECK(find_patterns("de", "/usr/share/hyphen").ends_with("hyph_de_DE.dic"));
    CHECK(find_patterns("pt-BR", "/usr/share/hyphen").ends_with("hyph_pt_BR.dic"));
    CHECK(find_patterns("no", "/usr/share/hyphen").ends_with("hyph_nb_NO.dic"));
    CHECK(find_patterns("en-US", "/usr/share/hyphen").ends_with("hyph_en_US.dic"));
    CHECK(find_patterns("es", "/usr/share/hyphen").ends_with("hyph_es_ES.dic"));
    CHECK(find_patterns("es-MX", "/usr/share/hyphen").ends_with("hyph_es_MX.dic"));
    CHECK(find_patterns("xx", "/usr/share/hyphen").empty());
    CHECK(Hyphenator::load("xx", "/usr/share/hyphen") == nullptr);
    // Names spelled otherwise, and a language found only by another region.
    leafpress::test::TempDir dir;
    dir.write("Hyph_FR_fr.dic", "UTF-8\n");
    dir.write("hyph_sv_FI.dic", "UTF-8\n");
    CHECK(find_patterns("fr", dir.path()).ends_with("Hyph_FR_fr.dic"));
    CHECK(find_patterns("sv", dir.path()).ends_with("hyph_sv_FI.dic"));
    CHECK(find_patterns("de", dir.path()).empty());
}

TEST_CASE("Spanish words are hyphenated with Spanish patterns", "[hyphenate]") {
    auto h = Hyphenator::load("es", "/usr/share/hyphen");
    REQUIRE(h);
    CHECK(h->points(U"inflamación") == std::vector<std::size_t>{2, 5, 7});  // in-fla-ma-ción
    CHECK(h->points(U"enfermedad") == std::vector<std::size_t>{2, 5, 7});   // en-fer-me-dad
    CHECK(h->points(U"sol").empty());
}

namespace {
// Points as a hyphenated UTF-8 string, for any script.
std::string marked(const Hyphenator& h, const std::u32string& word) {
    std::u32string out;
    const auto points = h.points(word);
    for (std::size_t i = 0, k = 0; i < word.size(); ++i) {
        if (k < points.size() && points[k] == i) {
            out += U'-';
            ++k;
        }
        out += word[i];
    }
    std::string s;
    for (char32_t c : out) {
        if (c < 0x80)
            s += static_cast<char>(c);
        else if (c < 0x800) {
            s += static_cast<char>(0xC0 | (c >> 6));
            s += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            s += static_cast<char>(0xE0 | (c >> 12));
            s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return s;
}
}  // namespace

// Older pattern files are in 8-bit encodings (KOI8-R for Russian, ISO 8859-1 for German and
// French): words are converted to them, and capitals lowered whatever the script.
TEST_CASE("Russian, German, French and Portuguese words are hyphenated, whatever the pattern file's encoding",
          "[hyphenate]") {
    const std::pair<const char*, std::vector<std::pair<std::u32string, std::string>>> rows[] = {
        {"ru",
         {{U"стволовыми", "ство-ло-выми"},
          {U"Противопоказания", "Про-ти-вопо-ка-за-ния"},
          {U"восстановления", "восстанов-ле-ния"}}},
        {"de", {{U"Behandlung", "Be-hand-lung"}, {U"Gelenkentzündung", "Ge-lenk-ent-zün-dung"}}},
        {"fr", {{U"inflammation", "in-flam-ma-tion"}}},
        {"pt-BR", {{U"tratamento", "tra-ta-mento"}}},
    };
    for (const auto& [lang, words] : rows) {
        auto h = Hyphenator::load(lang, "/usr/share/hyphen");
        CAPTURE(lang);
        REQUIRE(h);
        for (const auto& [word, want] : words) CHECK(marked(*h, word) == want);
    }
}

TEST_CASE("scripts without hyphenation", "[hyphenate]") {
    CHECK_FALSE(leafpress::Language::parse("ar").hyphenated);
    CHECK_FALSE(leafpress::Language::parse("he-IL").hyphenated);
    CHECK_FALSE(leafpress::Language::parse("zh-Hant").hyphenated);
    CHECK(leafpress::Language::parse("en").hyphenated);
    CHECK(leafpress::Language::parse("ru").hyphenated);
}
