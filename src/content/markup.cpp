#include "content/markup.hpp"

#include <md4c-html.h>
#include <md4c.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "content/input_text.hpp"
#include "content/mark_runs.hpp"
#include "content/markup_lint.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"

namespace leafpress {

namespace {

struct ListFrame {
    ListKind kind;
    int next_number;
};

struct PendingWarning {
    std::string code;
    std::string message;
    std::string hint;
};

std::optional<char32_t> decode_entity(std::string_view e) {
    if (e.size() < 3 || e.front() != '&' || e.back() != ';') return std::nullopt;
    const std::string_view name = e.substr(1, e.size() - 2);
    if (name[0] == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string digits(name.substr(hex ? 2 : 1));
        if (digits.empty()) return std::nullopt;
        char* end = nullptr;
        const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (*end != '\0') return U'\uFFFD';
        // What no text may hold (&#0;, &#xD800;, &#xFFFF;, past U+10FFFF) comes back as it is,
        // for Builder::refused to report.
        return static_cast<char32_t>(std::min<unsigned long>(v, 0x110000));
    }
    // The common ones without a detour; the rest (all of HTML5's: &frac12;, &ge;, &micro;...)
    // through md4c's own decoder.
    static constexpr std::pair<std::string_view, char32_t> table[] = {
        {"amp", U'&'},         {"lt", U'<'},          {"gt", U'>'},         {"quot", U'"'},        {"apos", U'\''},
        {"nbsp", U'\u00A0'},   {"ndash", U'\u2013'},  {"mdash", U'\u2014'}, {"hellip", U'\u2026'}, {"copy", U'\u00A9'},
        {"reg", U'\u00AE'},    {"trade", U'\u2122'},  {"deg", U'\u00B0'},   {"plusmn", U'\u00B1'}, {"times", U'\u00D7'},
        {"middot", U'\u00B7'}, {"bull", U'\u2022'},   {"lsquo", U'\u2018'}, {"rsquo", U'\u2019'},  {"ldquo", U'\u201C'},
        {"rdquo", U'\u201D'},  {"eacute", U'\u00E9'}, {"euro", U'\u20AC'},  {"shy", U'\u00AD'},
    };
    for (const auto& [n, cp] : table)
        if (n == name) return cp;
    return std::nullopt;
}

// An entity by md4c's HTML renderer, which knows every HTML5 entity: "&frac12;" → "½". nullopt
// when it does not know it (the renderer then gives it back as it was).
std::optional<std::string> decode_named_entity(std::string_view e) {
    std::string html;
    const auto sink = [](const MD_CHAR* text, MD_SIZE size, void* out) {
        static_cast<std::string*>(out)->append(text, size);
    };
    if (md_html(e.data(), static_cast<MD_SIZE>(e.size()), sink, &html, 0, 0) != 0) return std::nullopt;
    std::string_view v(html);
    if (!v.starts_with("<p>")) return std::nullopt;
    v.remove_prefix(3);
    const auto end = v.rfind("</p>");
    if (end == std::string_view::npos) return std::nullopt;
    v = v.substr(0, end);
    if (v.empty() || v.find('&') != std::string_view::npos || v.find('<') != std::string_view::npos)
        return std::nullopt;
    return std::string(v);
}

void tidy(std::vector<Block>& blocks);

class Builder {
public:
    Builder(std::string_view body, const StringSource& source, Diagnostics& diags)
        : body_(body), source_(source), diags_(diags) {}

    std::vector<Block> take() {
        flush_pending(std::nullopt);
        return std::move(blocks_);
    }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        resume_paragraph_ = false;  // a new block: text after a figure has found its place
        marks_.reset();
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_UL: lists_.push_back({ListKind::Bullet, 1}); break;
            case MD_BLOCK_OL:
                lists_.push_back(
                    {ListKind::Numbered, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)});
                break;
            case MD_BLOCK_LI: start_list_item(); break;
            case MD_BLOCK_P:
                start_paragraph();
                paragraph_start_.reset();
                in_paragraph_ = true;
                break;
            case MD_BLOCK_H:
                // A heading inside a section's body is a sub-heading, written "### ...".
                if (static_cast<MD_BLOCK_H_DETAIL*>(detail)->level != 3)
                    pend("markup.heading-level", "a heading inside a body is a sub-heading; it is shown as one",
                         "write sub-headings as \"### ...\"; a new [[section]] has a heading of its own");
                start_subheading();
                break;
            case MD_BLOCK_QUOTE:
                pend("markup.blockquote", "block quotes inside a body are not supported; shown as plain text",
                     "use a section with kind = \"quote\"");
                break;
            case MD_BLOCK_CODE:
                pend("markup.code", "code blocks are not supported; shown as plain text");
                start_paragraph();
                in_code_block_ = true;
                break;
            case MD_BLOCK_HTML:
                pend("markup.html", "HTML is not supported; shown as plain text");
                start_paragraph();
                in_code_block_ = true;
                break;
            case MD_BLOCK_TABLE: {
                Block t;
                t.kind = BlockKind::Table;
                table_ = std::move(t);
                table_column_.reset();
                break;
            }
            case MD_BLOCK_THEAD: row_kind_ = RowKind::Header; break;
            case MD_BLOCK_TBODY: row_kind_ = RowKind::Body; break;
            case MD_BLOCK_TR:
                if (table_) table_->table.rows.push_back({row_kind_, {}});
                row_start_.reset();
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                if (!table_) break;
                // The cell is read as a paragraph of its own, then moved into the table.
                if (table_->table.rows.size() == 1) {
                    const auto a = static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align;
                    table_->table.align.push_back(a == MD_ALIGN_CENTER  ? CellAlign::Center
                                                  : a == MD_ALIGN_RIGHT ? CellAlign::End
                                                                        : CellAlign::Start);
                }
                blocks_.push_back(Block{});
                last_space_ = true;
                break;
            }
            case MD_BLOCK_HR: pend("markup.rule", "horizontal rules are not supported; ignored"); break;
            default:
                pend("markup.unsupported", "unsupported markup; shown as plain text");
                start_paragraph();
                break;
        }
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type, void*) {
        switch (type) {
            case MD_BLOCK_UL:
            case MD_BLOCK_OL:
                if (!lists_.empty()) lists_.pop_back();
                break;
            case MD_BLOCK_LI:
                in_item_ = false;
                item_has_text_ = false;
                break;
            case MD_BLOCK_CODE:
            case MD_BLOCK_HTML: in_code_block_ = false; break;
            case MD_BLOCK_P:
                in_paragraph_ = false;
                if (paragraph_start_) check_pipe_paragraph(*paragraph_start_);
                break;
            case MD_BLOCK_TR:
                if (table_ && row_start_) {
                    if (!table_->table.rows.empty()) table_->table.rows.back().where = pos(*row_start_);
                    check_row(*row_start_);
                }
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                if (table_ && !table_->table.rows.empty() && !blocks_.empty()) {
                    std::vector<Block> cell{std::move(blocks_.back())};
                    blocks_.pop_back();
                    tidy(cell);
                    table_->table.rows.back().cells.push_back(cell.empty() ? std::vector<Span>{}
                                                                           : std::move(cell[0].spans));
                    if (table_->where.line == 0 && !cell.empty()) table_->where = cell[0].where;
                }
                break;
            case MD_BLOCK_TABLE:
                if (table_) {
                    blocks_.push_back(std::move(*table_));
                    table_.reset();
                }
                break;
            default: break;
        }
        return 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        switch (type) {
            case MD_SPAN_EM: styles_.push_back(with_italic(style())); break;
            case MD_SPAN_STRONG: styles_.push_back(with_bold(style())); break;
            case MD_SPAN_A: {
                const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
                links_.push_back(checked_link(std::string_view(a->href.text, a->href.size)));
                break;
            }
            case MD_SPAN_IMG: {
                // A figure of its own: the text inside is its alternative text.
                const auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
                std::optional<std::size_t> offset;
                const char* src = img->src.text;
                if (src && src >= body_.data() && src <= body_.data() + body_.size())
                    offset = static_cast<std::size_t>(src - body_.data());
                Block b;
                b.kind = BlockKind::Figure;
                b.figure.src.assign(img->src.text, img->src.size);
                b.figure.caption.assign(img->title.text, img->title.size);
                b.where = pos(offset.value_or(last_offset_));
                figure_ = std::move(b);
                break;
            }
            case MD_SPAN_CODE: pend("markup.code", "code spans are not supported; shown as plain text"); break;
            default: pend("markup.unsupported", "unsupported inline markup; shown as plain text"); break;
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type, void*) {
        switch (type) {
            case MD_SPAN_EM:
            case MD_SPAN_STRONG:
                if (!styles_.empty()) styles_.pop_back();
                break;
            case MD_SPAN_A:
                if (!links_.empty()) links_.pop_back();
                break;
            case MD_SPAN_IMG:
                if (figure_) {
                    // Text after the figure starts a paragraph of its own.
                    blocks_.push_back(std::move(*figure_));
                    figure_.reset();
                    resume_paragraph_ = true;
                }
                break;
            default: break;
        }
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        const std::string_view t(text, size);
        std::optional<std::size_t> offset;
        if (text >= body_.data() && text <= body_.data() + body_.size())
            offset = static_cast<std::size_t>(text - body_.data());
        flush_pending(offset);
        if (figure_) {  // a figure's alternative text
            if (type == MD_TEXT_ENTITY) {
                if (auto cp = decode_entity(t)) {
                    if (!refused(t, *cp, offset)) utf8::append(figure_->figure.alt, *cp);
                } else
                    figure_->figure.alt += decode_named_entity(t).value_or(std::string(t));
            } else {
                figure_->figure.alt += type == MD_TEXT_SOFTBR || type == MD_TEXT_BR ? std::string_view(" ") : t;
            }
            return 0;
        }
        if (resume_paragraph_) {
            blocks_.push_back(Block{});
            last_space_ = true;
            resume_paragraph_ = false;
        }
        if (blocks_.empty()) start_paragraph();
        if (blocks_.back().where.line == 0 && offset) blocks_.back().where = pos(*offset);
        if (in_item_) item_has_text_ = true;
        if (offset) {
            last_offset_ = *offset;
            if (in_paragraph_ && !paragraph_start_) paragraph_start_ = *offset;
            if (table_ && !row_start_) row_start_ = *offset;
            // (An address shown as a link's text is not markup: "example.org/_private".)
            const bool address = !links_.empty() && t.find(' ') == std::string_view::npos;
            if (type == MD_TEXT_NORMAL && !address) check_emphasis(t, *offset);
        }
        switch (type) {
            case MD_TEXT_NULLCHAR: append("\xEF\xBF\xBD", offset, Origin::Replaced); break;
            case MD_TEXT_BR: append("\n", offset, Origin::Replaced); break;
            case MD_TEXT_SOFTBR: append(" ", offset, Origin::Replaced); break;
            case MD_TEXT_ENTITY:
                if (auto cp = decode_entity(t)) {
                    if (refused(t, *cp, offset)) break;
                    std::string s;
                    utf8::append(s, *cp);
                    if (too_many_marks(t, s, offset)) break;
                    append(s, offset, Origin::Replaced);
                } else if (auto named = decode_named_entity(t)) {
                    if (too_many_marks(t, *named, offset)) break;
                    append(*named, offset, Origin::Replaced);
                } else {
                    count_marks(t, offset);
                    append(t, offset, Origin::Body);
                }
                break;
            case MD_TEXT_HTML:
                count_marks(t, offset);
                if (!in_code_block_ && offset)
                    warn_at(*offset, "markup.html", "HTML is not supported; shown as plain text", {});
                append(t, offset, Origin::Body);
                break;
            default:
                count_marks(t, offset);
                append(t, offset, Origin::Body);
                break;
        }
        return 0;
    }

private:
    FontStyle style() const { return styles_.empty() ? FontStyle::Regular : styles_.back(); }

    SourcePos pos(std::size_t offset) const { return source_.at(offset); }

    void pend(std::string code, std::string message, std::string hint = {}) {
        pending_.push_back({std::move(code), std::move(message), std::move(hint)});
    }

    // A link target: an allowed scheme, a bare "www." address made https, anything else an
    // error at the link (the text stays, without the link).
    std::string checked_link(std::string_view href) {
        std::optional<std::size_t> offset;
        if (href.data() >= body_.data() && href.data() <= body_.data() + body_.size())
            offset = static_cast<std::size_t>(href.data() - body_.data());
        const SourcePos where = pos(offset.value_or(last_offset_));
        if (href.size() > limits::kLinkBytes) {
            diags_.error("content.link", where,
                         "a link's address is " + std::to_string(href.size()) + " bytes long; at most " +
                             std::to_string(limits::kLinkBytes) + " are allowed",
                         "link to a shorter address");
            return {};
        }
        if (href.starts_with("www.")) return "https://" + std::string(href);
        if (is_allowed_link(href)) return std::string(href);
        diags_.error("content.link", where,
                     "the link to '" + utf8::shortened(href, 60, "") + (href.size() > 60 ? "...'" : "'") +
                         " is not a web, e-mail or phone address",
                     "links start with https://, http://, mailto: or tel:");
        return {};
    }

    // A row with more cells than the table has columns (the header's, as its |---| line
    // counts them): md4c drops the rest.
    void check_row(std::size_t offset) {
        const std::size_t columns = table_->table.align.size();
        const RowCells cells = row_cells(body_, offset, columns, table_column_);
        if (!cells.extra) return;
        const std::string has = std::to_string(cells.count) + " cells but ";
        if (row_kind_ == RowKind::Header)
            diags_.error("markup.table-cells", pos(*cells.extra),
                         "this table's header has " + has + "its |---| line has " + std::to_string(columns) +
                             " columns; the cells past them would be lost",
                         "write one --- in the |---| line for each column of the header, such as |---|---|---|");
        else
            diags_.error("markup.table-cells", pos(*cells.extra),
                         "this table row has " + has + "the header has " + std::to_string(columns) +
                             "; the cells past the header's would be lost",
                         "give every row as many cells as the header (add a column to the header and its |---| line, "
                         "or join the extra cell to another); a '|' inside a cell is written \\\\| in a \"\"\" body");
    }

    // Lines of pipes that md4c did not read as a table.
    void check_pipe_paragraph(std::size_t first) {
        if (auto p = pipe_paragraph(body_, first, last_offset_))
            diags_.error("markup.table-delimiter", pos(p->at), p->message,
                         "under the header row, write a line with one --- per column, such as |---|---|");
    }

    // Emphasis marks md4c gave back as text: one that could open emphasis was never closed.
    void check_emphasis(std::string_view t, std::size_t offset) {
        for (std::size_t k = 0; k < t.size();) {
            if (t[k] != '*' && t[k] != '_') {
                ++k;
                continue;
            }
            std::size_t n = 1;
            while (k + n < t.size() && t[k + n] == t[k]) ++n;
            std::size_t at = offset + k, len = n;
            if (at > 0 && body_[at - 1] == '\\') ++at, --len;  // an escaped mark is meant as written
            if (len > 0 && len <= 3 && could_open_emphasis(body_, at, len)) {
                const std::string mark(body_.substr(at, len));
                std::string escaped;
                for (char c : mark) escaped += std::string("\\\\") + c;  // as written in a """ body
                diags_.warning("markup.emphasis", pos(at),
                               "'" + mark + "' opens " + (len >= 2 ? "bold" : "italic") +
                                   " text that is never closed; it is printed as written",
                               "close it after the words (" + mark + "like this" + mark +
                                   "); to print the mark itself, "
                                   "put a backslash before it (" +
                                   escaped + " in a \"\"\" body)");
            }
            k += n;
        }
    }

    // A numeric reference to a character no text may hold (&#xFFFF;, &#xD800;, &#1;) is an error
    // at the reference, as the character itself would be in the file (input_text.hpp), and is
    // left out: the line breaker and the PDF's text stop at such characters.
    bool refused(std::string_view entity, char32_t cp, std::optional<std::size_t> offset) {
        if (!forbidden_char(cp)) return false;
        diags_.error("input.control-character", pos(offset.value_or(last_offset_)),
                     "the reference '" + utf8::shortened(entity, 20, "") + "' stands for " +
                         describe_forbidden_char(cp) + ", which cannot be printed",
                     "leave the reference out, or write the character it was meant to be as it is");
        return true;
    }

    // Combining marks written as references (&#x301;) pile on a letter as written ones do
    // (input_text.cpp counts a run written out): the reference that takes a run past
    // kClusterMarks is an error at the reference, and it and the marks after it are left out.
    // A run that passed the limit before any reference was counted there, so is not again.
    bool too_many_marks(std::string_view entity, std::string_view decoded, std::optional<std::size_t> offset) {
        bool over = false;
        for (const char32_t c : utf8::decode(decoded).text) {
            const auto step = marks_.feed(c, true);
            if (step == MarkRunCounter::Step::Passed)
                report_marks("the reference '" + utf8::shortened(entity, 20, "") + "'", offset);
            over = over || step != MarkRunCounter::Step::Fine;
        }
        return over;
    }
    // Written text, counted into the run (a run written out in full was reported by input_text.cpp).
    void count_marks(std::string_view written, std::optional<std::size_t> offset) {
        if (utf8::find_invalid(written)) return;
        const auto text = utf8::decode(written);
        for (std::size_t i = 0; i < text.text.size(); ++i)
            if (marks_.feed(text.text[i], false) == MarkRunCounter::Step::Passed && marks_.referenced())
                report_marks("the text here", offset ? std::optional(*offset + text.byte_offsets[i]) : offset);
    }
    void report_marks(const std::string& what, std::optional<std::size_t> offset) {
        diags_.error("input.combining-marks", pos(offset.value_or(last_offset_)),
                     what + " takes a letter past " + std::to_string(limits::kClusterMarks) +
                         " combining marks (counting the ones written as references, &#...;)",
                     "delete the extra marks: text that piles marks on a letter (\"zalgo\" text) cannot be typeset, "
                     "and no language stacks this many");
    }

    void warn_at(std::size_t offset, std::string code, std::string message, std::string hint) {
        diags_.warning(std::move(code), pos(offset), std::move(message), std::move(hint));
    }

    void flush_pending(std::optional<std::size_t> offset) {
        for (auto& p : pending_) {
            SourcePos where = pos(offset.value_or(0));
            diags_.warning(std::move(p.code), where, std::move(p.message), std::move(p.hint));
        }
        pending_.clear();
    }

    void start_list_item() {
        if (lists_.empty()) lists_.push_back({ListKind::Bullet, 1});
        Block b;
        b.kind = BlockKind::ListItem;
        b.list = lists_.back().kind;
        b.number = lists_.back().next_number++;
        const int depth = static_cast<int>(lists_.size()) - 1;
        if (depth > 2) {
            pend("markup.nesting", "lists nest three levels deep at most; deeper items are shown at the third",
                 "flatten the list or split it");
        }
        b.depth = std::min(depth, 2);
        blocks_.push_back(std::move(b));
        last_space_ = true;
        in_item_ = true;
        item_has_text_ = false;
    }

    void start_subheading() {
        Block b;
        b.kind = BlockKind::Subheading;
        blocks_.push_back(std::move(b));
        last_space_ = true;
        in_item_ = false;
    }

    void start_paragraph() {
        if (in_item_) {
            if (!item_has_text_) return;  // the item's first paragraph goes into the item itself
            Block b = blocks_.back();
            b.spans.clear();
            b.continuation = true;
            b.where = {};
            blocks_.push_back(std::move(b));
            last_space_ = true;
            return;
        }
        blocks_.push_back(Block{});
        last_space_ = true;
    }

    enum class Origin { Body, Replaced };  // text as it stands in the body, or standing in for it

    // Appends text to the current block, collapsing white space (a hard break stays), and
    // anchors it to its place in the file.
    void append(std::string_view t, std::optional<std::size_t> offset, Origin origin) {
        if (t.empty()) return;
        auto& spans = blocks_.back().spans;
        const std::string link = links_.empty() ? std::string() : links_.back();
        if (spans.empty() || spans.back().style != style() || spans.back().link != link)
            spans.push_back(Span{{}, style(), link, {}});
        Span& span = spans.back();
        bool anchor_next = true;
        for (std::size_t k = 0; k < t.size(); ++k) {
            const char c = t[k];
            if (c == '\n') {
                while (!span.text.empty() && span.text.back() == ' ') span.text.pop_back();
                span.text.push_back('\n');
                last_space_ = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                if (!last_space_) span.text.push_back(' ');
                last_space_ = true;
                anchor_next = true;
                continue;
            }
            if (anchor_next && offset) {
                const TextAnchor p = words_.at(*offset + (origin == Origin::Body ? k : 0));
                span.anchors.push_back({static_cast<std::uint32_t>(span.text.size()), p.line, p.column});
            }
            anchor_next = false;
            span.text.push_back(c);
            last_space_ = false;
        }
    }

    std::string_view body_;
    const StringSource& source_;
    StringSource::Walk words_{source_};  // the words' anchors, found in order
    Diagnostics& diags_;
    std::vector<Block> blocks_;
    std::vector<ListFrame> lists_;
    std::vector<FontStyle> styles_;
    std::vector<std::string> links_;
    std::vector<PendingWarning> pending_;
    bool in_item_ = false;
    bool item_has_text_ = false;
    bool in_code_block_ = false;
    bool last_space_ = true;       // the text so far ends in white space (or the block is empty)
    std::optional<Block> figure_;  // an image being read: its alternative text comes next
    std::optional<Block> table_;   // a table being read
    RowKind row_kind_ = RowKind::Body;
    bool resume_paragraph_ = false;                // the text after a figure goes into a new paragraph
    std::size_t last_offset_ = 0;                  // the last body offset seen, for spans without one
    MarkRunCounter marks_{limits::kClusterMarks};  // the run of combining marks the text ends in
    bool in_paragraph_ = false;
    std::optional<std::size_t> paragraph_start_;  // the offset of the paragraph's first text
    std::optional<std::size_t> row_start_;        // the offset of a table row's first text
    std::optional<std::size_t> table_column_;     // where the table's rows start on their lines (row_cells)
};

// Trims each block's trailing white space and drops empty spans and blocks (white space was
// collapsed as the text was read).
void tidy(std::vector<Block>& blocks) {
    for (auto& b : blocks) {
        while (!b.spans.empty()) {
            auto& t = b.spans.back().text;
            while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.pop_back();
            if (!t.empty()) break;
            b.spans.pop_back();
        }
        std::erase_if(b.spans, [](const Span& s) { return s.text.empty(); });
    }
    std::erase_if(blocks, [](const Block& b) {
        return b.spans.empty() && b.kind != BlockKind::Figure && b.kind != BlockKind::Table;
    });
}

}  // namespace

bool is_allowed_link(std::string_view uri) {
    const std::size_t colon = uri.find(':');
    if (colon == std::string_view::npos) return false;
    std::string scheme(uri.substr(0, colon));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    const std::string_view rest = uri.substr(colon + 1);
    if (scheme == "http" || scheme == "https") return rest.starts_with("//") && rest.size() > 2;
    if (scheme == "mailto" || scheme == "tel") return !rest.empty();
    return false;
}

std::vector<Block> parse_markup(std::string_view body, const TextOrigin& origin, Diagnostics& diags) {
    return parse_markup(body, StringSource::verbatim(origin.file, body, origin.line, origin.column), diags);
}

std::vector<Block> parse_markup(std::string_view body, const StringSource& source, Diagnostics& diags) {
    Builder builder(body, source, diags);
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                   MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_PERMISSIVEEMAILAUTOLINKS;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_block(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_block(t, d); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_span(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_span(t, d); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
        return static_cast<Builder*>(u)->text(t, s, n);
    };
    if (md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, &builder) != 0) {
        diags.error("markup.parse", source.at(0), "the body could not be parsed");
        return {};
    }
    auto blocks = builder.take();
    tidy(blocks);
    return blocks;
}

}  // namespace leafpress
