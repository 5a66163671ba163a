#include <catch2/catch.hpp>

#include "layout/labels.hpp"

using namespace leafpress;

TEST_CASE("labels come in the languages of the San Diego taglines, English otherwise", "[labels]") {
    // The fifteen languages of a San Diego clinic's taglines, and more: each its own words.
    for (const char* tag : {"es", "zh-Hans", "zh-Hant", "vi", "tl", "ko", "hy", "fa", "ru", "ja", "ar", "pa", "km", "hmn",
                            "hi", "th", "fr", "pt", "de", "it", "pl", "uk", "he", "nl", "fil", "zh-TW"}) {
        CAPTURE(tag);
        const Language l = Language::parse(tag);
        CHECK(has_labels(l));
        const Labels& words = labels_for(l);
        CHECK(words.call != labels_for(Language::parse("en")).call);
        CHECK_FALSE(words.language_help.empty());
        CHECK(words.page_of(2, 3).find('2') != std::string::npos);
        CHECK(words.page_of(2, 3).find('3') != std::string::npos);
    }
    CHECK_FALSE(has_labels(Language::parse("sw")));
    CHECK(labels_for(Language::parse("sw")).call == "Call");
    // Chinese by script: Traditional for Taiwan and Hong Kong when no script is written.
    CHECK(labels_for(Language::parse("zh-TW")).page == labels_for(Language::parse("zh-Hant")).page);
    CHECK(labels_for(Language::parse("zh-HK")).call == "請致電");
    CHECK(labels_for(Language::parse("zh")).call == "请致电");
    CHECK(labels_for(Language::parse("es")).page_of(1, 2) == "Página 1 de 2");
}

TEST_CASE("dates are written as each language writes them", "[labels]") {
    const Date d{2026, 10, 1};
    const std::pair<const char*, const char*> rows[] = {
        {"en", "October 1, 2026"},   {"en-US", "October 1, 2026"}, {"en-GB", "1 October 2026"},
        {"es", "1 de octubre de 2026"}, {"pt-BR", "1 de outubro de 2026"}, {"fr", "1 octobre 2026"},
        {"de", "1. Oktober 2026"},   {"it", "1 ottobre 2026"},     {"ru", "01.10.2026"},
        {"vi", "01/10/2026"},        {"zh-Hans", "2026年10月1日"},  {"ja", "2026年10月1日"},
        {"ko", "2026년 10월 1일"},   {"ar", "2026-10-01"},         {"hy", "2026-10-01"},
    };
    for (const auto& [tag, want] : rows) {
        CAPTURE(tag);
        CHECK(format_date(d, Language::parse(tag)) == want);
    }
}
