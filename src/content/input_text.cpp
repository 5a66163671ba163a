#include "content/input_text.hpp"

#include <memory>

#include "content/mark_runs.hpp"
#include "content/string_source.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"

namespace leafpress {

namespace {

// U+FDD0..U+FDEF and the last two code points of every plane: Unicode keeps them for programs'
// own use (libunibreak ends its text with U+FFFF), never for text.
bool noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c <= 0x10FFFF && (c & 0xFFFE) == 0xFFFE); }

}  // namespace

bool forbidden_char(char32_t c) {
    if (c < 0x20) return c != '\t' && c != '\n';
    return c == 0x7F || (c >= 0x80 && c <= 0x9F) || noncharacter(c) || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF;
}

std::string describe_forbidden_char(char32_t c) {
    if (c > 0x10FFFF) return "a number past the last character of Unicode (U+10FFFF)";
    const std::string name = utf8::codepoint_name(c);
    if (c >= 0xD800 && c <= 0xDFFF) return "a lone surrogate (" + name + ")";
    if (noncharacter(c)) return "the noncharacter " + name;
    return "an invisible control character (" + name + ")";
}

namespace {

class Walker {
public:
    Walker(std::string_view text, const std::string& path, Diagnostics& diags)
        : text_(text), path_(path), diags_(diags) {}

    void table(const toml::table& t, const std::string& where) {
        for (auto&& [k, v] : t) {
            const std::string name = where.empty() ? std::string(k.str()) : where + "." + std::string(k.str());
            check(k.str(), k.source(), name + " (its key)");
            node(v, name);
        }
    }
    bool clean() const { return clean_; }

private:
    void node(const toml::node& n, const std::string& where) {
        if (const auto* s = n.as_string())
            check(s->get(), n.source(), where);
        else if (const auto* t = n.as_table())
            table(*t, where);
        else if (const auto* a = n.as_array()) {
            for (std::size_t i = 0; i < a->size(); ++i) node(*a->get(i), where + "[" + std::to_string(i + 1) + "]");
        }
    }

    void check(std::string_view value, const toml::source_region& region, const std::string& where) {
        check_marks(value, region, where);
        const auto bad = find_forbidden_char(value);
        if (!bad) return;
        clean_ = false;
        diags_.error("input.control-character", place(region, bad->offset),
                     "'" + where + "' holds " + describe_forbidden_char(bad->code) + ", which cannot be printed",
                     "delete it: it cannot be seen in most editors and usually comes with text pasted from another "
                     "program, so type the words around this place again");
    }

    // A letter with more combining marks than any script stacks (kClusterMarks).
    void check_marks(std::string_view value, const toml::source_region& region, const std::string& where) {
        const auto run = find_long_mark_run(value, limits::kClusterMarks);
        if (!run) return;
        clean_ = false;
        diags_.error(
            "input.combining-marks", place(region, run->offset),
            "'" + where + "' stacks " + std::to_string(run->length) + " combining marks on one letter; at most " +
                std::to_string(limits::kClusterMarks) + " are used",
            "delete the extra marks: text that piles marks on a letter (\"zalgo\" text) cannot be typeset, and "
            "no language stacks this many");
    }

    // The file position of byte `offset` of the value written at `region`.
    SourcePos place(const toml::source_region& region, std::size_t offset) {
        if (!lines_) lines_ = std::make_unique<LineIndex>(text_);
        const int line = static_cast<int>(region.begin.line), column = static_cast<int>(region.begin.column);
        return StringSource::toml_value(path_, text_, lines_->offset(line, column), line, column).at(offset);
    }

    std::string_view text_;
    const std::string& path_;
    Diagnostics& diags_;
    std::unique_ptr<LineIndex> lines_;
    bool clean_ = true;
};

}  // namespace

std::optional<ForbiddenChar> find_forbidden_char(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0x80 && b < 0xC0) {  // a stray continuation byte: invalid UTF-8 is refused elsewhere
            ++i;
            continue;
        }
        const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = b < 0x80 ? b : b < 0xE0 ? (b & 0x1F) : b < 0xF0 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < n && i + k < text.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (forbidden_char(c)) return ForbiddenChar{i, c};
        i += n;
    }
    return std::nullopt;
}

bool check_input_text(const toml::table& table, std::string_view text, const std::string& path, Diagnostics& diags) {
    Walker w(text, path, diags);
    w.table(table, "");
    return w.clean();
}

}  // namespace leafpress
