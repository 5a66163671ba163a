// The content of one leaflet as plain values: a Document of Sections of Blocks of Spans.
#pragma once
#include "core/language.hpp"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/words.hpp"
#include "core/diagnostics.hpp"
#include "core/image.hpp"
#include "core/typography.hpp"

namespace leafpress {

// Where a stretch of a span's text starts in the content file: the bytes from `offset` on (up
// to the next anchor) are the characters from `line`:`column` on.
struct TextAnchor {
    std::uint32_t offset = 0;
    int line = 0, column = 0;
};

// A run of text in one style. A '\n' inside text is a hard line break.
struct Span {
    std::string text;
    FontStyle style = FontStyle::Regular;
    std::string link;                   // target URI, empty when the span is not a link
    std::vector<TextAnchor> anchors{};  // where its characters are in the file (may be empty)
    // Equal text, style and link; where it came from does not count.
    friend bool operator==(const Span& a, const Span& b) {
        return a.text == b.text && a.style == b.style && a.link == b.link;
    }
};

// The line and column of the character at byte `offset` of `text`, from its anchors; nullopt
// when it has none.
std::optional<std::pair<int, int>> locate(const std::string& text, const std::vector<TextAnchor>& anchors,
                                          std::size_t offset);

// Subheading: "###" inside a body; Figure: an image with its alternative text and caption.
enum class BlockKind { Paragraph, ListItem, Subheading, Figure, Table };

// A pipe table (GitHub's extension of CommonMark): rows of cells, the first row the header.
enum class CellAlign { Start, Center, End };
enum class RowKind { Header, Body };

struct TableRow {
    RowKind kind = RowKind::Body;
    std::vector<std::vector<Span>> cells;  // each cell's text
    SourcePos where{};                     // its first text, when it has any
};

struct TableSource {
    std::vector<CellAlign> align;  // per column, from ":---", ":---:", "---:"
    std::vector<TableRow> rows;
};

// A figure's picture, as written and as loaded (next to the content file).
struct FigureSource {
    std::string src;                      // as written in the body
    std::string alt;                      // what it shows, for those who cannot see it (required)
    std::string caption;                  // printed under it; may be empty
    std::string path;                     // the file, resolved from the content file's folder
    std::shared_ptr<const Raster> image;  // decoded when the content is loaded
};
enum class ListKind { Bullet, Numbered };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    ListKind list = ListKind::Bullet;  // for list items
    int depth = 0;                     // list nesting: 0, 1 or 2
    int number = 0;                    // for numbered list items
    bool continuation = false;         // a further paragraph of the same list item (no marker)
    std::vector<Span> spans;
    SourcePos where;
    FigureSource figure{};  // for figures
    TableSource table{};    // for tables
};

enum class SectionKind { Text, Callout, Quote };

struct Section {
    std::string heading;  // may be empty
    std::vector<TextAnchor> heading_anchors{};
    SectionKind kind = SectionKind::Text;
    std::vector<Block> blocks;
    SourcePos where;
    bool sources = false;  // the references, which the loader makes the last section ("Sources")
};

struct Date {
    int year = 0, month = 0, day = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
};

std::string to_iso(const Date& d);

// A year later (29 February becomes 28 February).
Date one_year_after(Date d);

struct Document {
    std::string source_file;
    std::string title;
    std::string subtitle;
    std::string condition;
    Language language;       // parsed once from the content's tag (default English)
    SourcePos language_pos;  // the `language` value, or the title when there is none
    std::optional<Date> reviewed;
    SourcePos reviewed_pos;           // the `reviewed` value, or the title when there is none
    std::optional<Date> next_review;  // as given; see next_review_of() for the default
    SourcePos next_review_pos;
    std::string code;     // the leaflet's code, such as "RHEU-014"
    std::string version;  // its version, such as "2"
    std::string summary;
    // Where the characters of title, subtitle, condition and summary are in the file.
    std::vector<TextAnchor> title_anchors, subtitle_anchors, condition_anchors, summary_anchors;
    std::vector<Section> sections;  // the content's, then the sources (references) when there are any
    SourcePos title_pos;
    // The labels and date form for the leaflet's language, decided once, when the content is loaded
    // (Translations::words_for).
    Words words;
};

// When the leaflet is next to be reviewed: as given, else a year after it was reviewed.
std::optional<Date> next_review_of(const Document& doc);

// The plain text of a run of spans, hard breaks as spaces.
std::string plain_text(const std::vector<Span>& spans);

}  // namespace leafpress
