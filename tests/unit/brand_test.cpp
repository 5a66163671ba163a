#include <catch2/catch.hpp>

#include <filesystem>

#include "style/brand.hpp"
#include "support.hpp"

using namespace leafpress;
using test::TempDir;

TEST_CASE("a brand file loads with its colours", "[brand]") {
    TempDir dir;
    Diagnostics d;
    auto b = load_brand(dir.write("brand.toml",
                                  "name = \"Clinic\"\nphone = \"(858) 258-5090\"\n"
                                  "website = \"https://example.org\"\n[colors]\nprimary = \"#102030\"\n"),
                        d);
    REQUIRE(b);
    CHECK(d.all().empty());
    CHECK(b->name == "Clinic");
    CHECK(b->phone == "(858) 258-5090");
    CHECK(b->colors.primary == Color{0x10 / 255.0, 0x20 / 255.0, 0x30 / 255.0});
}

TEST_CASE("the contract's brand keys load, opening hours among them", "[brand]") {
    TempDir dir;
    Diagnostics d;
    auto b = load_brand(dir.write("brand.toml",
                                  "name = \"Clinic\"\nphone = \"505 555 0199\"\n"
                                  "address = \"1 Main St, Albuquerque, NM\"\nhours = \"Mon-Fri 8:00-17:00\"\n"),
                        d);
    REQUIRE(b);
    CHECK(test::messages(d).empty());
    CHECK(b->address == "1 Main St, Albuquerque, NM");
    CHECK(b->hours == "Mon-Fri 8:00-17:00");
}

TEST_CASE("brand errors are reported where they are", "[brand]") {
    struct Case {
        const char* name;
        const char* text;
        const char* expected;  // every diagnostic, formatted, one after another
        std::size_t count = 1;
    };
    const Case cases[] = {
        {"missing phone", "name = \"C\"\n",
         "brand.toml:1:1: error: missing required key 'phone' [input.missing-key]\n"
         "  hint: add a line: phone = ..."},
        {"phone without digits", "name = \"C\"\nphone = \"call us\"\n",
         "brand.toml:2:9: error: the phone number must start with a digit, '+' or '(', not 'c': \"call us\" "
         "[brand.phone]\n"
         "  hint: write only the number, such as \"(858) 258-5090\" or \"+44 20 7946 0958\""},
        {"bad colour", "name = \"C\"\nphone = \"123\"\n[colors]\ntext = \"teal\"\n",
         "brand.toml:4:8: error: 'teal' is not a colour [brand.color]\n"
         "  hint: write colours as \"#RRGGBB\", e.g. \"#0E6E6E\""},
        {"missing logo", "name = \"C\"\nphone = \"123\"\nlogo = \"nope.png\"\n",
         "brand.toml:3:8: error: logo file 'nope.png' not found [brand.logo]\n"
         "  hint: the path is relative to the brand file"},
        {"unknown colour key", "name = \"C\"\nphone = \"123\"\n[colors]\nprimery = \"#000000\"\n",
         "brand.toml:4:1: warning: unknown key 'primery' in [colors]; did you mean 'primary'? [input.unknown-key]"},
        {"text table not a language", "name = \"C\"\nphone = \"123\"\n[text.spanish_]\ndisclaimer = \"x\"\n",
         "brand.toml:3:1: error: [text.spanish_]: 'spanish_' is not a BCP 47 language tag [brand.language]\n"
         "  hint: name the table by the language, such as [text.es] or [text.zh-Hant]"},
        {"unknown key in a text table", "name = \"C\"\nphone = \"123\"\n[text.es]\ndisclaimr = \"x\"\n",
         "brand.toml:4:1: warning: unknown key 'disclaimr' in [text.es]; did you mean 'disclaimer'? "
         "[input.unknown-key]"},
        {"tagline not a language", "name = \"C\"\nphone = \"123\"\n[taglines]\nes = \"x\"\n\"1x\" = \"y\"\n",
         "brand.toml:5:1: error: taglines: '1x' is not a BCP 47 language tag [brand.language]\n"
         "  hint: key each tagline by its language, such as es = \"...\" or \"zh-Hant\" = \"...\""},
        {"tagline not text", "name = \"C\"\nphone = \"123\"\n[taglines]\nes = 3\n",
         "brand.toml:4:6: error: 'es' must be a string, not an integer [input.type]\n"
         "  hint: put the text in double quotes: es = \"...\""},
        {"empty tagline", "name = \"C\"\nphone = \"123\"\n[taglines]\nvi = \"\"\n",
         "brand.toml:4:6: error: 'vi' must not be empty [input.empty-value]"},
        {"taglines_required not whole", "name = \"C\"\nphone = \"123\"\ntaglines_required = 2.5\n",
         "brand.toml:3:21: error: taglines_required is a whole number from 0 to 100, not 2.5 [brand.taglines]\n"
         "  hint: write it without a decimal point, such as taglines_required = 2"},
        // Two mistakes: both reported, each once (the unknown key first: keys are checked first).
        {"two mistakes", "name = \"C\"\nphone = \"123\"\n[colors]\ntext = \"teal\"\nprimery = \"#000000\"\n",
         "brand.toml:5:1: warning: unknown key 'primery' in [colors]; did you mean 'primary'? [input.unknown-key]\n"
         "brand.toml:4:8: error: 'teal' is not a colour [brand.color]\n"
         "  hint: write colours as \"#RRGGBB\", e.g. \"#0E6E6E\"",
         2},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        TempDir dir;
        Diagnostics d;
        load_brand(dir.write("brand.toml", c.text), d);
        // Every diagnostic in full (message, code, hint), the temporary folder left out.
        std::string got = test::messages(d);
        for (std::size_t at; (at = got.find(dir.path() + "/")) != std::string::npos;)
            got.erase(at, dir.path().size() + 1);
        CHECK(got == c.expected);
        CHECK(d.all().size() == c.count);
    }
}

TEST_CASE("a brand's words by language: [text.LANG] and taglines in the file's order", "[brand]") {
    TempDir dir;
    Diagnostics d;
    auto b =
        load_brand(dir.write("brand.toml",
                             "name = \"C\"\nphone = \"123\"\ncall_to_action = \"Call us.\"\n"
                             "disclaimer = \"For information.\"\ntaglines_required = 3\n"
                             "[text.es]\ncall_to_action = \"Llámenos.\"\n"
                             "[text.zh-Hant]\ndisclaimer = \"僅供參考。\"\n"
                             "[taglines]\nvi = \"CHÚ Ý\"\nes = \"ATENCIÓN\"\n\"zh-Hant\" = \"注意\"\nfa = \"توجه\"\n"),
                   d);
    REQUIRE(b);
    INFO((d.all().empty() ? std::string() : format(d.all()[0])));
    CHECK(d.all().empty());
    // A language with its own table takes what it gives, and the brand's own for the rest.
    CHECK(b->text_for(Language::parse("es")).call_to_action == "Llámenos.");
    CHECK(b->text_for(Language::parse("es")).disclaimer == "For information.");
    CHECK(b->text_for(Language::parse("es-MX")).call_to_action == "Llámenos.");  // by primary language
    CHECK(b->text_for(Language::parse("zh-Hant")).disclaimer == "僅供參考。");
    CHECK(b->text_for(Language::parse("zh-Hans")).disclaimer == "For information.");  // not another script's
    CHECK(b->text_for(Language::parse("en")).call_to_action == "Call us.");
    // Each text says which language it is in: the table's, or the brand's own (English) it fell back to.
    CHECK(b->text_for(Language::parse("es-MX")).call_to_action_language.tag == "es");
    CHECK(b->text_for(Language::parse("es")).disclaimer_language.tag == "en");
    CHECK(b->text_for(Language::parse("zh-Hant")).disclaimer_language.tag == "zh-Hant");
    CHECK(b->text_for(Language::parse("ar")).call_to_action_language.tag == "en");
    REQUIRE(b->taglines.size() == 4);
    CHECK(b->taglines[0].language.tag == "vi");  // the file's order, not the keys'
    CHECK(b->taglines[1].language.tag == "es");
    CHECK(b->taglines[2].language.tag == "zh-Hant");
    CHECK(b->taglines[3].language.rtl());
    CHECK(b->taglines[3].where.line == 14);
    CHECK(b->taglines_required == 3);
}

TEST_CASE("language tags parse once into what leafpress needs", "[language]") {
    const Language zh = Language::parse("zh-hant-tw");
    CHECK(zh.primary == "zh");
    CHECK(zh.script == "Hant");
    CHECK(zh.region == "TW");
    CHECK_FALSE(zh.hyphenated);
    CHECK_FALSE(zh.rtl());
    CHECK(Language::parse("fa").rtl());
    CHECK(Language::parse("ar-EG").rtl());
    CHECK(Language::parse("az-Arab").rtl());
    CHECK_FALSE(Language::parse("az-Latn").rtl());
    CHECK(Language::parse("EN-gb").primary == "en");
    CHECK(Language::parse("EN-gb").region == "GB");
    CHECK(Language::parse("es-419").region == "419");
    CHECK(Language::parse("ru").hyphenated);
}

TEST_CASE("parse_hex_color", "[brand]") {
    CHECK(parse_hex_color("#FFFFFF") == Color{1, 1, 1});
    CHECK(parse_hex_color("#0e6e6e"));
    CHECK_FALSE(parse_hex_color("0E6E6E"));
    CHECK_FALSE(parse_hex_color("#0E6E6"));
    CHECK_FALSE(parse_hex_color("#GGGGGG"));
}

TEST_CASE("the brand file is found next to the content or above it", "[brand]") {
    TempDir dir;
    std::filesystem::create_directories(dir.file("a/b"));
    dir.write("brand.toml", "name = \"C\"\nphone = \"123\"\n");
    auto found = find_brand_file(dir.file("a/b/leaflet.toml"));
    REQUIRE(found);
    CHECK(std::filesystem::equivalent(*found, dir.file("brand.toml")));
    dir.write("a/brand.toml", "name = \"D\"\nphone = \"2\"\n");
    CHECK(std::filesystem::equivalent(*find_brand_file(dir.file("a/b/leaflet.toml")), dir.file("a/brand.toml")));
}

TEST_CASE("a brand's own call to action and disclaimer are in the language it names, English by default", "[brand]") {
    TempDir dir;
    Diagnostics d;
    auto b =
        load_brand(dir.write("brand.toml",
                             "name = \"C\"\nphone = \"123\"\nlanguage = \"es\"\ndisclaimer = \"Solo información.\"\n"),
                   d);
    REQUIRE(b);
    CHECK(d.all().empty());
    CHECK(b->text_for(Language::parse("he")).disclaimer_language.tag == "es");
    Diagnostics bad;
    load_brand(dir.write("bad.toml", "name = \"C\"\nphone = \"123\"\nlanguage = \"español\"\n"), bad);
    REQUIRE(!bad.all().empty());
    CHECK(bad.all()[0].code == "brand.language");
    CHECK(bad.all()[0].where.line == 3);
}

TEST_CASE("a brand's website: an http(s) address or a bare site name, and nothing else", "[brand][website]") {
    struct Case {
        const char* written;
        const char* uri;  // empty: an error
    };
    const std::vector<Case> cases = {
        {"https://example.org", "https://example.org"},
        {"HTTPS://Example.ORG/Leaflets/", "HTTPS://Example.ORG/Leaflets/"},
        {"http://clinic.example:8080/a/b?x=1&y=%20#top", "http://clinic.example:8080/a/b?x=1&y=%20#top"},
        {"clinic.example/leaflets", "https://clinic.example/leaflets"},
        {"www.clinic.example", "https://www.clinic.example"},
        {"https://klinik-müller.de/über-uns", "https://klinik-müller.de/über-uns"},
        {"https://192.0.2.1/", "https://192.0.2.1/"},
        {"https://[2001:db8::1]:443/", "https://[2001:db8::1]:443/"},
        {" javascript:alert(1)", ""},
        {"javascript:alert(1)", ""},
        {"https:// javascript:alert(1)", ""},
        {"https://clinic.example\nCall 555 0199", ""},
        {"https://clinic.example\t", ""},
        {"https://clinic.example/\xe2\x80\xae"
         "gnp.exe",
         ""},                                         // a right-to-left override
        {"https://clinic.example/\xc2\xa0", ""},      // a no-break space
        {"https://clinic.example/\xe2\x80\x8b", ""},  // a zero-width space
        {"ftp://clinic.example", ""},
        {"data:text/html,<script>alert(1)</script>", ""},
        {"mailto:info@clinic.example", ""},
        {"https:clinic.example", ""},
        {"https://", ""},
        {"https:///leaflets", ""},
        {"https://clinic.example@evil.example/", ""},
        {"https://user:pass@clinic.example/", ""},
        {"https://clinic<b>.example", ""},
        {"https://clinic_example.org", ""},
        {"https://-clinic.example", ""},
        {"https://clinic..example", ""},
        {"https://clinic", ""},
        {"https://clinic.example:99999/", ""},
        {"https://clinic.example:/", ""},
        {"https://clinic.example/a\"b", ""},
        {"https://clinic.example/<script>", ""},
        {"https://clinic.example/100%", ""},
        {"//clinic.example", ""},
    };
    TempDir dir;
    for (const Case& c : cases) {
        CAPTURE(c.written);
        std::string escaped;  // as a TOML basic string
        for (char ch : std::string(c.written)) {
            if (ch == '\n')
                escaped += "\\n";
            else if (ch == '\t')
                escaped += "\\t";
            else if (ch == '"' || ch == '\\')
                escaped += std::string("\\") + ch;
            else
                escaped += ch;
        }
        Diagnostics d;
        const auto b = load_brand(
            dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\nwebsite = \"" + escaped + "\"\n"), d);
        REQUIRE(b);
        INFO(test::messages(d));
        CHECK(b->website_uri == c.uri);
        if (std::string(c.uri).empty()) {
            REQUIRE(d.has_errors());
            const auto& e = d.all().front();
            CHECK(e.code == "brand.website");
            CHECK(e.where.line == 3);
            CHECK(e.where.column == 11);
            CHECK_FALSE(e.hint.empty());
            CHECK(b->website.empty());  // nothing of it is printed either
        } else {
            CHECK_FALSE(d.has_errors());
            CHECK(b->website == c.written);
        }
    }
}
