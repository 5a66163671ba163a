#include <catch2/catch.hpp>

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
    CHECK(find_patterns("en-GB", "/usr/share/hyphen").ends_with("hyph_en_US.dic"));
    CHECK(find_patterns("en-US", "/usr/share/hyphen").ends_with("hyph_en_US.dic"));
    CHECK(find_patterns("es", "/usr/share/hyphen").ends_with("hyph_es_ES.dic"));
    CHECK(find_patterns("es-MX", "/usr/share/hyphen").ends_with("hyph_es_MX.dic"));
    CHECK(find_patterns("xx", "/usr/share/hyphen").empty());
    CHECK(Hyphenator::load("xx", "/usr/share/hyphen") == nullptr);
}

TEST_CASE("Spanish words are hyphenated with Spanish patterns", "[hyphenate]") {
    auto h = Hyphenator::load("es", "/usr/share/hyphen");
    REQUIRE(h);
    CHECK(h->points(U"inflamación") == std::vector<std::size_t>{2, 5, 7});  // in-fla-ma-ción
    CHECK(h->points(U"enfermedad") == std::vector<std::size_t>{2, 5, 7});  // en-fer-me-dad
    CHECK(h->points(U"sol").empty());
}

TEST_CASE("scripts without hyphenation", "[hyphenate]") {
    CHECK(language_is_unhyphenated("ar"));
    CHECK(language_is_unhyphenated("he-IL"));
    CHECK_FALSE(language_is_unhyphenated("en"));
}
