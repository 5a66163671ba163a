// Where each byte of a TOML string's value came from in its file. A basic string's escapes
// ("\n", "\u00e9", a line-ending backslash) make the value shorter or longer than its source,
// so offsets in the value are mapped through checkpoints taken wherever the two stop running
// in step. Lookups are O(log n).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/document.hpp"
#include "core/diagnostics.hpp"

namespace leafpress {

// Byte offsets of the starts of a text's lines, for line/column → offset and back.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    // Byte offset of a 1-based line and column (column counted in code points).
    [[nodiscard]] std::size_t offset(int line, int column) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

class StringSource {
public:
    // The value of the string whose opening quote is at `value_offset` in `file_text`.
    static StringSource toml_value(std::string file, std::string_view file_text, std::size_t value_offset, int line,
                                   int column);
    // Text that stands in its file as it is, starting at line and column (tests, and values
    // without escapes).
    static StringSource verbatim(std::string file, std::string_view text, int line, int column);

    [[nodiscard]] SourcePos at(std::size_t value_offset) const;
    // Line and column of offsets that only grow (the words of a body, in order): each found by
    // scanning on from the one before, where at() scans from its checkpoint.
    class Walk {
    public:
        explicit Walk(const StringSource& source) : source_(source) {}
        [[nodiscard]] TextAnchor at(std::size_t value_offset);

    private:
        const StringSource& source_;
        std::size_t point_ = 0, value_ = 0, source_at_ = 0;
        int column_ = 0;
        bool started_ = false;
    };
    // The same as anchors for a span holding the whole value.
    [[nodiscard]] std::vector<TextAnchor> anchors() const;
    [[nodiscard]] const std::string& file() const { return file_; }

private:
    struct Checkpoint {
        std::size_t value;   // offset in the value
        std::size_t source;  // offset in the source text
        int line, column;
        bool linear;  // whether the bytes after it run in step with the source
    };
    std::string file_;
    std::string_view source_;
    std::vector<Checkpoint> points_;
};

}  // namespace leafpress
