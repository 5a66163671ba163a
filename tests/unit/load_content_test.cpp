#include <catch2/catch.hpp>

#include <filesystem>

#include "content/load_content.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {
struct Loaded {
    std::optional<Document> doc;
    Diagnostics diags;
};
Loaded load(const std::string& text) {
    Loaded l;
    l.doc = load_content_text(text, "c.toml", l.diags, ImageLoading::Decode, nullptr, &test::translations());
    return l;
}
const char* kMinimal = "title = \"T\"\n[[section]]\nbody = \"Hello.\"\n";
}  // namespace

TEST_CASE("a minimal content file loads", "[content]") {
    auto l = load(kMinimal);
    REQUIRE(l.doc);
    CHECK(l.diags.all().empty());
    CHECK(l.doc->title == "T");
    CHECK(l.doc->language.tag == "en");
    REQUIRE(l.doc->sections.size() == 1);
    CHECK(l.doc->sections[0].kind == SectionKind::Text);
    REQUIRE(l.doc->sections[0].blocks.size() == 1);
    CHECK(l.doc->sections[0].blocks[0].spans[0].text == "Hello.");
}

TEST_CASE("every field of a content file is read", "[content]") {
    auto l = load(R"(title = "Title"
subtitle = "Sub"
condition = "Lupus"
language = "es"
reviewed = 2026-11-01
summary = "Short."

[[section]]
heading = "H"
kind = "callout"
body = "B"
)");
    REQUIRE(l.doc);
    CHECK(l.diags.all().empty());
    CHECK(l.doc->subtitle == "Sub");
    CHECK(l.doc->condition == "Lupus");
    CHECK(l.doc->language.tag == "es");
    REQUIRE(l.doc->reviewed);
    CHECK(to_iso(*l.doc->reviewed) == "2026-11-01");
    CHECK(l.doc->summary == "Short.");
    CHECK(l.doc->sections[0].heading == "H");
    CHECK(l.doc->sections[0].kind == SectionKind::Callout);
}

TEST_CASE("content errors are reported at the key or value", "[content]") {
    struct Case {
        const char* name;
        std::string text;
        std::string expected;  // first diagnostic, formatted, first line
    };
    const Case cases[] = {
        {"missing title", "subtitle = \"S\"\n[[section]]\nbody = \"x\"\n",
         "c.toml:1:1: error: missing required key 'title'"},
        {"title not a string", "title = 42\n[[section]]\nbody = \"x\"\n",
         "c.toml:1:9: error: 'title' must be a string, not an integer"},
        {"empty title", "title = \"  \"\n[[section]]\nbody = \"x\"\n", "c.toml:1:9: error: 'title' must not be empty"},
        {"reviewed as a string", "title = \"T\"\nreviewed = \"2026-11-01\"\n[[section]]\nbody = \"x\"\n",
         "c.toml:2:12: error: 'reviewed' must be a date, not a string"},
        {"bad kind", "title = \"T\"\n[[section]]\nkind = \"calout\"\nbody = \"x\"\n",
         "c.toml:3:8: error: unknown section kind 'calout'; did you mean 'callout'?"},
        {"kind not a string", "title = \"T\"\n[[section]]\nkind = true\nbody = \"x\"\n",
         "c.toml:3:8: error: 'kind' must be a string, not a boolean"},
        {"section without body", "title = \"T\"\n\n[[section]]\nheading = \"H\"\n",
         "c.toml:3:1: error: missing required key 'body' in section 1"},
        {"section as a table", "title = \"T\"\n[section]\nbody = \"x\"\n",
         "c.toml:2:1: error: 'section' must be an array of tables"},
        {"bad language", "title = \"T\"\nlanguage = \"english!\"\n[[section]]\nbody = \"x\"\n",
         "c.toml:2:12: error: 'english!' is not a BCP 47 language tag"},
        {"no sections", "title = \"T\"\n", "c.toml:1:1: error: the leaflet has no sections"},
        {"syntax", "title = \"T\n", "c.toml:1:"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto l = load(c.text);
        REQUIRE(l.diags.has_errors());
        const auto& first = *std::find_if(l.diags.all().begin(), l.diags.all().end(),
                                          [](const Diagnostic& x) { return x.severity == Severity::Error; });
        const std::string f = format(first);
        CHECK(f.substr(0, f.find('\n')).starts_with(c.expected));
    }
}

TEST_CASE("an unknown key is a warning naming the nearest known key", "[content]") {
    // (A key meant as the section's heading, such as headng, is an error: see slips_test.cpp.)
    auto l = load("title = \"T\"\nsubtitel = \"S\"\n[[section]]\nkinde = \"H\"\nbody = \"x\"\ncolour = 1\n");
    REQUIRE(l.doc);
    CHECK_FALSE(l.diags.has_errors());
    REQUIRE(l.diags.all().size() == 3);
    CHECK(format(l.diags.all()[0]) ==
          "c.toml:2:1: warning: unknown key 'subtitel'; did you mean 'subtitle'? [input.unknown-key]");
    CHECK(format(l.diags.all()[1])
              .starts_with("c.toml:4:1: warning: unknown key 'kinde' in section 1; did you mean 'kind'?"));
    CHECK(format(l.diags.all()[2]).starts_with("c.toml:6:1: warning: unknown key 'colour' in section 1"));
}

TEST_CASE("markup warnings point into the body, counted from the file", "[content]") {
    auto l = load("title = \"T\"\n[[section]]\nbody = \"\"\"\nFirst line.\n\n# A heading\n\"\"\"\n");
    REQUIRE(l.doc);
    REQUIRE(l.diags.all().size() == 1);
    CHECK(format(l.diags.all()[0]).starts_with("c.toml:6:3: warning: a heading inside a body is a sub-heading"));
    // The heading's text is kept, as a sub-heading.
    REQUIRE(l.doc->sections[0].blocks.size() == 2);
    CHECK(l.doc->sections[0].blocks[1].spans[0].text == "A heading");
}

TEST_CASE("leaflet governance: code, version, next review and references", "[content]") {
    auto l = load(
        "title = \"T\"\ncode = \"RHEU-014\"\nversion = \"2\"\nreviewed = 2026-02-28\n"
        "references = [\"NICE. *Rheumatoid arthritis in adults*. 2018.\", \"See https://example.org/ra\"]\n"
        "[[section]]\nbody = \"x\"\n");
    REQUIRE(l.doc);
    CHECK(l.diags.all().empty());
    CHECK(l.doc->code == "RHEU-014");
    CHECK(l.doc->version == "2");
    CHECK(next_review_of(*l.doc) == Date{2027, 2, 28});
    // The references are the last section, "Sources", made as the content is loaded.
    REQUIRE(l.doc->sections.size() == 2);
    CHECK_FALSE(l.doc->sections[0].sources);
    const Section& sources = l.doc->sections.back();
    CHECK(sources.sources);
    CHECK(sources.heading == "Sources");
    const auto& references = sources.blocks;
    REQUIRE(references.size() == 2);
    CHECK(sources.where.line == references[0].where.line);
    CHECK(sources.where.column == references[0].where.column);
    CHECK(references[0].kind == BlockKind::ListItem);
    CHECK(references[0].list == ListKind::Numbered);
    CHECK(references[1].number == 2);
    CHECK(plain_text(references[0].spans) == "NICE. Rheumatoid arthritis in adults. 2018.");
    CHECK(references[1].spans.back().link == "https://example.org/ra");
    CHECK(references[1].where.line == 5);
    CHECK(references[1].where.column == 65);  // at "See"
    CHECK(one_year_after({2028, 2, 29}) == Date{2029, 2, 28});

    auto bad = load(
        "title = \"T\"\nreviewed = 2026-05-01\nnext_review = 2026-04-01\nreferences = [1]\n[[section]]\nbody = "
        "\"x\"\n");
    REQUIRE(bad.diags.all().size() == 2);
    CHECK(format(bad.diags.all()[0]).starts_with("c.toml:3:15: error: next_review 2026-04-01 is not after reviewed"));
    CHECK(format(bad.diags.all()[1]).starts_with("c.toml:4:15: error: each reference is a string"));
}

TEST_CASE("a figure needs its alternative text and a picture next to the content file", "[content]") {
    test::TempDir dir;
    std::filesystem::copy_file(test::data_dir() + "/logo.png", dir.file("mark.png"));
    const std::string path = dir.write("c.toml",
                                       "title = \"T\"\n[[section]]\nbody = \"\"\"\n![The mark](mark.png)\n\n"
                                       "![](mark.png)\n\n![Gone](missing.png)\n\"\"\"\n");
    Diagnostics d;
    auto doc = load_content(path, d);
    REQUIRE(doc);
    const auto& blocks = doc->sections[0].blocks;
    REQUIRE(blocks.size() == 3);
    REQUIRE(blocks[0].figure.image);
    CHECK(blocks[0].figure.image->width == 240);
    CHECK(figure_files(*doc).size() == 3);
    REQUIRE(d.all().size() == 2);
    CHECK(format(d.all()[0]).starts_with(path + ":6:5: error: the figure 'mark.png' has no alternative text"));
    CHECK(format(d.all()[1]).starts_with(path + ":8:9: error: the figure 'missing.png' cannot be used: no such file"));
}
