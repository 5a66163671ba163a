// Content that was lost or changed without a word (issue 21): each is now a finding at its place.
#include <algorithm>
#include <catch2/catch.hpp>

#include "content/markup.hpp"
#include "pipeline/build.hpp"
#include "style/brand.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {

std::vector<std::string> codes(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.all())
        out.push_back(x.code + "@" + std::to_string(x.where.line) + ":" + std::to_string(x.where.column));
    return out;
}

std::vector<std::string> markup_codes(std::string_view body) {
    Diagnostics d;
    parse_markup(body, TextOrigin{"b.toml", 1, 1}, d);
    return codes(d);
}

BuildResult build(const std::string& content, const std::string& layout = "a4") {
    Diagnostics setup;
    static Engine engine({test::repo_dir() + "/layouts", test::fonts_dir()}, setup);
    BuildRequest request;
    request.content = content;
    request.layout = layout;
    request.today = {2026, 11, 25};
    return build_leaflet(request, engine);
}

bool has(const Diagnostics& d, const std::string& code) {
    return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) { return x.code == code; });
}

const char* const kBrand = "name = \"Clinic\"\nphone = \"(555) 010-0199\"\ndisclaimer = \"For information only.\"\n";
const char* const kLeaflet =
    "title = \"T\"\nreviewed = 2026-11-01\n\n[[section]]\nheading = \"About\"\nbody = \"Text.\"\n";

}  // namespace

TEST_CASE("an unclosed emphasis mark is a warning at the mark and marks that open nothing are not", "[markup][slips]") {
    CHECK(markup_codes("Take it **daily.") == std::vector<std::string>{"markup.emphasis@1:9"});
    CHECK(markup_codes("Take it __daily.") == std::vector<std::string>{"markup.emphasis@1:9"});
    CHECK(markup_codes("Take it *daily.") == std::vector<std::string>{"markup.emphasis@1:9"});
    // Closed, escaped, between spaces, inside a word, a list's marker: nothing to say.
    CHECK(markup_codes("**bold** and *it* and __b__ and _i_.").empty());
    CHECK(markup_codes("2 * 3 = 6, snake_case_name, and \\*stars\\*.").empty());
    CHECK(markup_codes("* an item\n* another").empty());
    CHECK(markup_codes("See https://example.org/_private or www.example.org/__x.").empty());
    CHECK(markup_codes("A `code *span*` stays.").size() == 1);  // the code span's own warning only
}

TEST_CASE("a table row with more cells than the header is an error at the first extra cell", "[markup][slips]") {
    CHECK(markup_codes("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n") == std::vector<std::string>{"markup.table-cells@3:11"});
    CHECK(markup_codes("a | b\n---|---\n1 | 2 | 3\n") == std::vector<std::string>{"markup.table-cells@3:9"});
    // Fewer cells are padded (nothing lost); an escaped pipe divides nothing.
    CHECK(markup_codes("| a | b |\n|---|---|\n| 1 |\n").empty());
    CHECK(markup_codes("| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n").empty());
    // A table in a list item or a quote: the item's marker is not a cell.
    CHECK(markup_codes("- | A | B |\n  |---|---|\n  | 1 | 2 |\n").empty());
    // (A quote in a body is itself a warning, markup.blockquote.)
    const auto no_cells = [](const std::vector<std::string>& codes) {
        return std::none_of(codes.begin(), codes.end(),
                            [](const std::string& c) { return c.starts_with("markup.table-cells"); });
    };
    CHECK(no_cells(markup_codes("> | A | B |\n> |---|---|\n> | 1 | 2 |\n")));
    CHECK(markup_codes("- A | B\n  ---|---\n  1 | 2\n").empty());
    CHECK(markup_codes("- | A | B |\n  |---|---|\n  | 1 | 2 | 3 |\n") ==
          std::vector<std::string>{"markup.table-cells@3:13"});
    const auto quoted = markup_codes("> | A | B |\n> |---|---|\n> | 1 | 2 | 3 |\n");
    CHECK(std::count(quoted.begin(), quoted.end(), "markup.table-cells@3:13") == 1);
    CHECK(std::count_if(quoted.begin(), quoted.end(),
                        [](const std::string& c) { return c.starts_with("markup.table-cells"); }) == 1);
}

TEST_CASE("lines of pipes without a |---| line are an error at the first", "[markup][slips]") {
    CHECK(markup_codes("Doses:\n\n  | a | b |\n  | 1 | 2 |\n") ==
          std::vector<std::string>{"markup.table-delimiter@3:3"});
    // A pipe in a sentence, or a single line, is not a table.
    CHECK(markup_codes("Yes | no | maybe.\nAnother line.").empty());
    CHECK(markup_codes("| just one line |").empty());
}

TEST_CASE("the brand is looked for up to the catalogue's root, and one above the leaflet is a warning without one",
          "[brand][slips]") {
    test::TempDir dir;
    dir.write_all({{"brand.toml", kBrand}, {"cat/clinic/leaflet.toml", kLeaflet}});
    // No project file: the brand two folders up is used, with a warning that names it.
    auto r = build(dir.file("cat/clinic/leaflet.toml"));
    INFO(test::messages(r.diags));
    CHECK(r.output);
    CHECK(has(r.diags, "brand.inherited"));
    CHECK(r.brand_name == "Clinic");
    // A project file below the brand: the brand is above the root, never looked for there.
    dir.write("cat/leafpress.toml", "");
    CHECK(locate_brand(dir.file("cat/clinic/leaflet.toml")).file.empty());
    r = build(dir.file("cat/clinic/leaflet.toml"));
    CHECK(has(r.diags, "brand.missing"));
    // A brand between the leaflet and the root is the catalogue's: no warning.
    dir.write("cat/brand.toml", kBrand);
    r = build(dir.file("cat/clinic/leaflet.toml"));
    INFO(test::messages(r.diags));
    CHECK(r.output);
    CHECK_FALSE(has(r.diags, "brand.inherited"));
    CHECK(r.brand_file.ends_with("cat/brand.toml"));
    // Next to the leaflet: no warning either.
    dir.write("cat/clinic/brand.toml", kBrand);
    CHECK_FALSE(locate_brand(dir.file("cat/clinic/leaflet.toml")).above);
}

TEST_CASE("brand.untranslated only when the brand's text in another language is printed", "[brand][slips]") {
    test::TempDir dir;
    const std::string es =
        "title = \"T\"\nlanguage = \"es-MX\"\nreviewed = 2026-11-01\n\n[[section]]\nbody = \"Texto.\"\n";
    dir.write_all(
        {{"a/brand.toml", std::string(kBrand) + "[text.es]\ncall_to_action = \"Llámenos.\"\n"},
         {"a/leaflet.toml", es},
         {"b/brand.toml",
          std::string(kBrand) + "[text.es]\ncall_to_action = \"Llámenos.\"\ndisclaimer = \"Solo información.\"\n"},
         {"b/leaflet.toml", es},
         {"c/brand.toml", "name = \"Clinic\"\nphone = \"(555) 010-0199\"\n"},
         {"c/leaflet.toml", es}});
    // [text.es] without a disclaimer: the English one is printed, and the warning names it.
    auto r = build(dir.file("a/leaflet.toml"));
    const auto found = std::find_if(r.diags.all().begin(), r.diags.all().end(),
                                    [](const Diagnostic& d) { return d.code == "brand.untranslated"; });
    REQUIRE(found != r.diags.all().end());
    CHECK(found->where.line == 2);
    CHECK(found->where.column == 12);
    CHECK(found->message.find("[text.es]") != std::string::npos);
    CHECK(found->message.find("disclaimer") != std::string::npos);
    CHECK(found->message.find("call to action") == std::string::npos);
    CHECK(found->hint.find("disclaimer = ") != std::string::npos);
    // Everything translated, or nothing of the brand's own to print: nothing to say.
    CHECK_FALSE(has(build(dir.file("b/leaflet.toml")).diags, "brand.untranslated"));
    CHECK_FALSE(has(build(dir.file("c/leaflet.toml")).diags, "brand.untranslated"));
    // By language, not by words: a brand written in Spanish serves a Spanish leaflet, and an
    // English leaflet printing its Spanish text is told so.
    const std::string spanish_brand =
        "name = \"Clinic\"\nphone = \"(555) 010-0199\"\nlanguage = \"es\"\n"
        "call_to_action = \"Llámenos.\"\ndisclaimer = \"Solo información.\"\n";
    dir.write_all({{"d/brand.toml", spanish_brand},
                   {"d/leaflet.toml", es},
                   {"e/brand.toml", spanish_brand},
                   {"e/leaflet.toml",
                    "title = \"T\"\nlanguage = \"en\"\nreviewed = 2026-11-01\n\n[[section]]\nbody = \"Text.\"\n"}});
    CHECK_FALSE(has(build(dir.file("d/leaflet.toml")).diags, "brand.untranslated"));
    r = build(dir.file("e/leaflet.toml"));
    REQUIRE(has(r.diags, "brand.untranslated"));
    CHECK(test::messages(r.diags).find("its 'es' call to action and disclaimer are printed instead") !=
          std::string::npos);
}

TEST_CASE("a short callout in the trifold stands whole, its heading with its text", "[flow][slips]") {
    // The trifold's balancing once accepted panels too short for a callout, parting its heading
    // ("Call", or any other) from its text in the next panel: check.stranded-heading refused it.
    test::TempDir dir;
    dir.write_all({{"brand.toml", kBrand},
                   {"leaflet.toml",
                    "title = \"T\"\nreviewed = 2026-11-01\n\n[[section]]\nheading = \"Intro\"\nbody = "
                    "\"Some text here.\"\n\n[[section]]\nheading = \"Call\"\nkind = \"callout\"\nbody = "
                    "\"(555) 010-0199\"\n"}});
    const auto r = build(dir.file("leaflet.toml"), "trifold");
    INFO(test::messages(r.diags));
    CHECK_FALSE(has(r.diags, "check.stranded-heading"));
    CHECK(r.output);
}

TEST_CASE("a section key meant as its heading is an error but another unknown key stays a warning",
          "[content][slips]") {
    test::TempDir dir;
    dir.write("brand.toml", kBrand);
    for (const char* key : {"header", "headng", "Heading", "headline", "heading_", "title"}) {
        CAPTURE(key);
        const auto p = dir.write(
            "l.toml", std::string("title = \"T\"\n\n[[section]]\n") + key + " = \"About\"\nbody = \"Text.\"\n");
        const auto r = build(p);
        CHECK(has(r.diags, "content.heading-key"));
        CHECK_FALSE(has(r.diags, "input.unknown-key"));
        CHECK_FALSE(r.output);
    }
    const auto p =
        dir.write("l.toml", "title = \"T\"\n\n[[section]]\nheading = \"About\"\nnote = \"x\"\nbody = \"Text.\"\n");
    const auto r = build(p);
    CHECK(has(r.diags, "input.unknown-key"));
    CHECK_FALSE(has(r.diags, "content.heading-key"));
}
