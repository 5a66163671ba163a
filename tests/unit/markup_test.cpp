#include <catch2/catch.hpp>

#include "content/markup.hpp"
#include "support.hpp"

using namespace leafpress;

namespace {
struct Parsed {
    std::vector<Block> blocks;
    Diagnostics diags;
};
Parsed parse(std::string_view body) {
    Parsed p;
    p.blocks = parse_markup(body, {"b.toml", 10, 1}, p.diags);
    return p;
}
}  // namespace

TEST_CASE("paragraphs are separated by blank lines and soft breaks become spaces", "[markup]") {
    auto p = parse("One line\ncontinues here.\n\nSecond   paragraph.\n");
    REQUIRE(p.blocks.size() == 2);
    CHECK(p.diags.all().empty());
    CHECK(p.blocks[0].kind == BlockKind::Paragraph);
    CHECK(p.blocks[0].spans == std::vector<Span>{{"One line continues here.", FontStyle::Regular, ""}});
    CHECK(p.blocks[1].spans == std::vector<Span>{{"Second paragraph.", FontStyle::Regular, ""}});
    CHECK(p.blocks[0].where.line == 10);
    CHECK(p.blocks[1].where.line == 13);
}

TEST_CASE("emphasis, strong and links become styled spans", "[markup]") {
    auto p = parse("Plain *it* **bold** ***both*** [site](https://example.org) end.");
    REQUIRE(p.blocks.size() == 1);
    const std::vector<Span> expected{
        {"Plain ", FontStyle::Regular, ""}, {"it", FontStyle::Italic, ""},
        {" ", FontStyle::Regular, ""},      {"bold", FontStyle::Bold, ""},
        {" ", FontStyle::Regular, ""},      {"both", FontStyle::BoldItalic, ""},
        {" ", FontStyle::Regular, ""},      {"site", FontStyle::Regular, "https://example.org"},
        {" end.", FontStyle::Regular, ""},
    };
    CHECK(p.blocks[0].spans == expected);
}

TEST_CASE("bare web addresses become links", "[markup]") {
    auto p = parse("See https://example.org/help today.");
    REQUIRE(p.blocks.size() == 1);
    REQUIRE(p.blocks[0].spans.size() == 3);
    CHECK(p.blocks[0].spans[1].link == "https://example.org/help");
}

TEST_CASE("bullet and numbered lists with one nested level", "[markup]") {
    auto p = parse("- one\n- two\n  - two a\n  - two b\n- three\n\n3. third\n4. fourth\n");
    REQUIRE(p.blocks.size() == 7);
    CHECK(p.diags.all().empty());
    const struct {
        ListKind list;
        int depth;
        int number;
        const char* text;
    } expected[] = {
        {ListKind::Bullet, 0, 1, "one"},      {ListKind::Bullet, 0, 2, "two"},   {ListKind::Bullet, 1, 1, "two a"},
        {ListKind::Bullet, 1, 2, "two b"},    {ListKind::Bullet, 0, 3, "three"}, {ListKind::Numbered, 0, 3, "third"},
        {ListKind::Numbered, 0, 4, "fourth"},
    };
    for (std::size_t i = 0; i < 7; ++i) {
        CAPTURE(i);
        CHECK(p.blocks[i].kind == BlockKind::ListItem);
        CHECK(p.blocks[i].list == expected[i].list);
        CHECK(p.blocks[i].depth == expected[i].depth);
        CHECK(p.blocks[i].number == expected[i].number);
        CHECK(plain_text(p.blocks[i].spans) == expected[i].text);
    }
}

TEST_CASE("a loose list item's second paragraph continues the item", "[markup]") {
    auto p = parse("- first\n\n  more about first\n\n- second\n");
    REQUIRE(p.blocks.size() == 3);
    CHECK_FALSE(p.blocks[0].continuation);
    CHECK(p.blocks[1].continuation);
    CHECK(plain_text(p.blocks[1].spans) == "more about first");
}

TEST_CASE("lists nest three levels, and deeper ones are shown at the third with a warning", "[markup]") {
    auto p = parse("- a\n  1. b\n     - c\n       - d\n");
    REQUIRE(p.blocks.size() == 4);
    CHECK(p.blocks[1].depth == 1);
    CHECK(p.blocks[1].list == ListKind::Numbered);
    CHECK(p.blocks[2].depth == 2);
    CHECK(p.blocks[3].depth == 2);
    CHECK(plain_text(p.blocks[3].spans) == "d");
    REQUIRE(p.diags.all().size() == 1);
    CHECK(format(p.diags.all()[0]).starts_with("b.toml:13:10: warning: lists nest three levels deep at most"));
}

TEST_CASE("### is a sub-heading, and other heading levels become one with a warning", "[markup]") {
    auto p = parse("Intro.\n\n### Side effects\n\nMost are mild.\n");
    REQUIRE(p.blocks.size() == 3);
    CHECK(p.diags.all().empty());
    CHECK(p.blocks[1].kind == BlockKind::Subheading);
    CHECK(plain_text(p.blocks[1].spans) == "Side effects");
    CHECK(p.blocks[1].where.line == 12);
    CHECK(p.blocks[1].where.column == 5);
    auto q = parse("## Too big\n");
    REQUIRE(q.blocks.size() == 1);
    CHECK(q.blocks[0].kind == BlockKind::Subheading);
    REQUIRE(q.diags.all().size() == 1);
    CHECK(q.diags.all()[0].code == "markup.heading-level");
}

TEST_CASE("unsupported markup warns and keeps its text", "[markup]") {
    struct Case {
        const char* body;
        const char* text;     // all the text of all blocks
        const char* warning;  // start of the warning
    };
    const Case cases[] = {
        {"# Title here", "Title here", "b.toml:10:3: warning: a heading inside a body is a sub-heading"},
        {"> quoted words", "quoted words", "b.toml:10:3: warning: block quotes inside a body are not supported"},
        {"```\ncode line\n```", "code line", "b.toml:11:1: warning: code blocks are not supported"},
        {"Use `the code` here", "Use the code here", "b.toml:10:6: warning: code spans are not supported"},
        {"Some <b>bold</b> html", "Some <b>bold</b> html", "b.toml:10:6: warning: HTML is not supported"},
        {"above\n\n---\n\nbelow", "above below", "b.toml:14:1: warning: horizontal rules are not supported"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.body);
        auto p = parse(c.body);
        std::string all;
        for (const auto& b : p.blocks) all += (all.empty() ? "" : " ") + plain_text(b.spans);
        CHECK(all == c.text);
        REQUIRE_FALSE(p.diags.all().empty());
        CHECK(format(p.diags.all()[0]).starts_with(c.warning));
    }
}

TEST_CASE("entities and hard breaks", "[markup]") {
    auto p = parse("Fish &amp; chips &#233; &unknown; line  \nbreak");
    REQUIRE(p.blocks.size() == 1);
    CHECK(plain_text(p.blocks[0].spans) == "Fish & chips \u00e9 &unknown; line break");
    CHECK(p.blocks[0].spans[0].text.find('\n') != std::string::npos);
}

TEST_CASE("an empty body gives no blocks", "[markup]") {
    CHECK(parse("").blocks.empty());
    CHECK(parse("   \n\n  ").blocks.empty());
}

TEST_CASE("every HTML5 entity is decoded, through md4c's own table", "[markup]") {
    auto p = parse("Take &frac12; a tablet if your sugar is &ge; 7 &micro;mol, &rarr; see &hearts; &NotAnEntity;");
    REQUIRE(p.blocks.size() == 1);
    CHECK(plain_text(p.blocks[0].spans) ==
          "Take \u00bd a tablet if your sugar is \u2265 7 \u00b5mol, \u2192 see \u2665 &NotAnEntity;");
    // The decoded character is anchored at its entity: a diagnostic would point there.
    const auto& span = p.blocks[0].spans[0];
    const auto at = locate(span.text, span.anchors, span.text.find("\u00bd"));
    REQUIRE(at);
    CHECK(at->first == 10);
    CHECK(at->second == 6);
}

TEST_CASE("an image is a figure block with its alternative text and caption", "[markup]") {
    auto p = parse("Before.\n\n![A hand *holding* an inhaler](inhaler.png \"Hold it upright.\")\n\nAfter it.\n");
    REQUIRE(p.blocks.size() == 3);
    CHECK(p.diags.all().empty());
    const Block& f = p.blocks[1];
    CHECK(f.kind == BlockKind::Figure);
    CHECK(f.figure.src == "inhaler.png");
    CHECK(f.figure.alt == "A hand holding an inhaler");
    CHECK(f.figure.caption == "Hold it upright.");
    CHECK(f.where.line == 12);
    CHECK(f.where.column == 32);  // at the file name
    CHECK(plain_text(p.blocks[2].spans) == "After it.");
    // Inside a paragraph the text around it stays, before and after.
    auto q = parse("Look: ![x](a.png) then go on.");
    REQUIRE(q.blocks.size() == 3);
    CHECK(plain_text(q.blocks[0].spans) == "Look:");
    CHECK(q.blocks[1].kind == BlockKind::Figure);
    CHECK(plain_text(q.blocks[2].spans) == "then go on.");
}

TEST_CASE("a pipe table becomes rows of cells with the columns' alignment", "[markup]") {
    auto p = parse(
        "Before.\n\n| Zone | Means | Do |\n|:--|:-:|--:|\n| **Green** | All good | Usual |\n| Red | Bad | Call "
        "|\n\nAfter.\n");
    REQUIRE(p.blocks.size() == 3);
    CHECK(p.diags.all().empty());
    const Block& t = p.blocks[1];
    REQUIRE(t.kind == BlockKind::Table);
    CHECK(t.table.align == std::vector<CellAlign>{CellAlign::Start, CellAlign::Center, CellAlign::End});
    REQUIRE(t.table.rows.size() == 3);
    CHECK(t.table.rows[0].kind == RowKind::Header);
    CHECK(t.table.rows[1].kind == RowKind::Body);
    CHECK(plain_text(t.table.rows[0].cells[1]) == "Means");
    CHECK(t.table.rows[1].cells[0][0].style == FontStyle::Bold);
    CHECK(plain_text(t.table.rows[2].cells[2]) == "Call");
    CHECK(t.where.line == 12);
    CHECK(plain_text(p.blocks[2].spans) == "After.");
}

TEST_CASE("a list right after a figure keeps its first item", "[markup]") {
    auto p = parse("![A spacer](spacer.png)\n\n1. Shake it.\n2. Breathe in.\n");
    REQUIRE(p.blocks.size() == 3);
    CHECK(p.blocks[1].kind == BlockKind::ListItem);
    CHECK(p.blocks[1].number == 1);
    CHECK(plain_text(p.blocks[1].spans) == "Shake it.");
}
