// The content of one leaflet as plain values: a Document of Sections of Blocks of Spans.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace leafpress {

enum class FontStyle { Regular, Italic, Bold, BoldItalic };

FontStyle with_italic(FontStyle s);
FontStyle with_bold(FontStyle s);

// A run of text in one style. A '\n' inside text is a hard line break.
struct Span {
    std::string text;
    FontStyle style = FontStyle::Regular;
    std::string link;  // target URI, empty when the span is not a link
    friend bool operator==(const Span&, const Span&) = default;
};

enum class BlockKind { Paragraph, ListItem };
enum class ListKind { Bullet, Numbered };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    ListKind list = ListKind::Bullet;  // for list items
    int depth = 0;                     // list nesting: 0 or 1
    int number = 0;                    // for numbered list items
    bool continuation = false;         // a further paragraph of the same list item (no marker)
    std::vector<Span> spans;
    SourcePos where;
};

enum class SectionKind { Text, Callout, Quote };

struct Section {
    std::string heading;  // may be empty
    SectionKind kind = SectionKind::Text;
    std::vector<Block> blocks;
    SourcePos where;
};

struct Date {
    int year = 0, month = 0, day = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
};

std::string to_iso(const Date& d);

struct Document {
    std::string source_file;
    std::string title;
    std::string subtitle;
    std::string condition;
    std::string language = "en";
    std::optional<Date> reviewed;
    std::string summary;
    std::vector<Section> sections;
    SourcePos title_pos;
};

// The plain text of a run of spans, hard breaks as spaces.
std::string plain_text(const std::vector<Span>& spans);

}  // namespace leafpress
