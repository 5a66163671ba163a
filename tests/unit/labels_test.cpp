#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include "content/translations.hpp"
#include "layout/labels.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

const Labels& labels_for(const Language& l) {
    static std::map<std::string, Labels> seen;  // words_for gives a copy; keep one per tag
    return seen[l.tag] = test::translations().words_for(l).labels;
}

bool has_labels(const Language& l) { return test::translations().has(l); }

std::string format_date(const Date& d, const Language& l) {
    return leafpress::format_date(d, test::translations().words_for(l));
}

}  // namespace

TEST_CASE("the repository's translation files load without a finding", "[labels]") {
    Diagnostics d;
    const Translations t = Translations::load(test::translations_dir(), d);
    std::vector<std::string> lines;
    for (const auto& f : d.all()) lines.push_back(format(f));
    CAPTURE(lines);
    CHECK(lines.empty());
    CHECK(t.has(Language::parse("en")));
}

TEST_CASE("labels come in the languages of the San Diego taglines, English otherwise", "[labels]") {
    // The fifteen languages of a San Diego clinic's taglines, and more: each its own words.
    for (const char* tag :
         {"es",  "zh-Hans", "zh-Hant", "vi", "tl", "ko", "hy", "fa", "ru", "ja", "ar", "pa",  "km",
          "hmn", "hi",      "th",      "fr", "pt", "de", "it", "pl", "uk", "he", "nl", "fil", "zh-TW"}) {
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
        {"en", "October 1, 2026"},
        {"en-US", "October 1, 2026"},
        {"en-GB", "1 October 2026"},
        {"es", "1 de octubre de 2026"},
        {"pt-BR", "1 de outubro de 2026"},
        {"fr", "1 octobre 2026"},
        {"de", "1. Oktober 2026"},
        {"it", "1 ottobre 2026"},
        {"ru", "01.10.2026"},
        {"vi", "01/10/2026"},
        {"zh-Hans", "2026年10月1日"},
        {"ja", "2026年10月1日"},
        {"ko", "2026년 10월 1일"},
        {"ar", "2026-10-01"},
        {"hy", "2026-10-01"},
    };
    for (const auto& [tag, want] : rows) {
        CAPTURE(tag);
        CHECK(format_date(d, Language::parse(tag)) == want);
    }
    // A language without a file: English labels, and the ISO date beside them, as before.
    CHECK(format_date(d, Language::parse("bn")) == "2026-10-01");
    CHECK(format_date(Date{2026, 13, 1}, Language::parse("de")) == "2026-13-01");
}

TEST_CASE("a translation file's date form: every placeholder, and the form by region", "[labels]") {
    const Date d{987, 3, 4};
    CHECK(format_date(d, "{day}|{dd}|{m}|{mm}|{year}|{yyyy}|{month}|{x}",
                      {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}) == "4|04|3|03|987|0987|c|{x}");
    Diagnostics diags;
    Translations t;
    REQUIRE(
        t.add("questions = \"Q\"\ncall = \"Soita\"\npage = \"Sivu {n}/{m}\"\nreviewed = \"R\"\nqr_code = \"QR\"\n"
              "version = \"V\"\nnext_review = \"N\"\nsources = \"S\"\nlanguage_help = \"L\"\nnotes = \"M\"\n"
              "[date]\nformat = \"{dd}.{mm}.{yyyy}\"\nother_regions = \"{m}/{day}/{year}\"\nregions = [\"FI\"]\n",
              "fi.toml", diags));
    CHECK(leafpress::format_date({2026, 10, 1}, t.words_for(Language::parse("fi"))) == "01.10.2026");
    CHECK(leafpress::format_date({2026, 10, 1}, t.words_for(Language::parse("fi-FI"))) == "01.10.2026");
    CHECK(leafpress::format_date({2026, 10, 1}, t.words_for(Language::parse("fi-SE"))) == "10/1/2026");
    CHECK(t.words_for(Language::parse("fi")).labels.page_of(2, 3) == "Sivu 2/3");
}

TEST_CASE("a language whose file has no date form writes dates as ICU does", "[labels]") {
    // Finnish labels without a [date] table: the date is ICU's long Finnish form, in the
    // leaflet's language, not the ISO form a language without a file gets.
    Diagnostics diags;
    Translations t;
    const std::string labels =
        "questions = \"Kysyttävää?\"\ncall = \"Soita\"\npage = \"Sivu {n}/{m}\"\n"
        "reviewed = \"Tarkistettu\"\nqr_code = \"QR-koodi:\"\nversion = \"Versio\"\n"
        "next_review = \"Seuraava tarkistus\"\nsources = \"Lähteet\"\n"
        "language_help = \"Kieliapu\"\nnotes = \"Muistiinpanot\"\n";
    REQUIRE(t.add(labels, "fi.toml", diags));
    REQUIRE(t.add(labels, "ja.toml", diags));
    REQUIRE(t.add(labels, "xx.toml", diags));
    CHECK(leafpress::format_date({2026, 10, 1}, t.words_for(Language::parse("fi"))) == "1. lokakuuta 2026");
    // Japanese by ICU is what ja.toml writes.
    CHECK(leafpress::format_date({2026, 10, 1}, t.words_for(Language::parse("ja"))) ==
          format_date({2026, 10, 1}, Language::parse("ja")));
    // A language ICU has no data for: the ISO form.
    CHECK(leafpress::format_date({2026, 10, 1}, t.words_for(Language::parse("xx"))) == "2026-10-01");
    // Without the file, Finnish has English words and the ISO date.
    CHECK(format_date({2026, 10, 1}, Language::parse("fi")) == "2026-10-01");
}

TEST_CASE("a broken translation file is an error at its line and column", "[labels]") {
    test::TempDir dir;
    const std::string en = test::translations_dir() + "/en.toml";
    std::ifstream in(en, std::ios::binary);
    const std::string english((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    dir.write("en.toml", english);
    // A label that is not a string, a month list one short, a form with a placeholder leafpress
    // does not know, and a file that is not TOML.
    dir.write("de.toml", "questions = \"Fragen?\"\ncall = 3\n");
    dir.write("es.toml",
              english.substr(0, english.find("[date]")) + "[date]\nformat = \"{day} {month}\"\nmonths = [\"enero\"]\n");
    dir.write("fr.toml", english.substr(0, english.find("[date]")) + "[date]\nformat = \"{jour} {month}\"\n");
    dir.write("it.toml", "questions = \"Domande?\n");
    Diagnostics d;
    const Translations t = Translations::load(dir.path(), d);
    std::vector<std::string> lines;
    for (const auto& f : d.all()) lines.push_back(format(f));
    CAPTURE(lines);
    const auto has = [&](const std::string& start) {
        return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(start); });
    };
    CHECK(has(dir.file("de.toml") + ":2:8: error: "));
    CHECK(has(dir.file("es.toml") + ":" +
              std::to_string(std::count(english.begin(), english.begin() + english.find("[date]"), '\n') + 3) +
              ":10: error: 'months' has 1 names, not 12"));
    CHECK(has(dir.file("fr.toml") + ":" +
              std::to_string(std::count(english.begin(), english.begin() + english.find("[date]"), '\n') + 2) +
              ":10: error: unknown placeholder '{jour}'"));
    CHECK(has(dir.file("it.toml") + ":1:"));
    // The broken files are left out: those languages get English's words, and English its own.
    CHECK(t.words_for(Language::parse("de")).labels.call == "Call");
    CHECK_FALSE(t.has(Language::parse("es")));
    CHECK(t.has(Language::parse("en")));
}
