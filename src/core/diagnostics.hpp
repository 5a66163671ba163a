// Diagnostics: what went wrong, where, and what to do about it. Stages report into a
// Diagnostics value; nothing throws past a stage boundary.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace leafpress {

enum class Severity { Warning, Error };

struct SourcePos {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;  // stable identifier, e.g. "content.unknown-key"
    SourcePos where;
    std::string message;
    std::string hint;  // optional
    int count = 1;     // the same finding (severity, code, message) seen this many times
};

class Diagnostics {
public:
    void error(std::string code, SourcePos where, std::string message, std::string hint = {});
    void warning(std::string code, SourcePos where, std::string message, std::string hint = {});
    // A finding equal to one already there (same severity, code and message) only counts up:
    // a body with 20,000 unsupported tags gives one warning, "(20000 times)".
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }

private:
    std::vector<Diagnostic> items_;
    std::unordered_map<std::string, std::size_t> index_;  // severity, code and message → item
};

// "file:line:col: error: message [code]" (+ " (N times)" for a repeated finding, and
// "\n  hint: ..." when there is a hint), for a terminal: the text of every part is terminal_safe
// (a hint keeps its line breaks, which leafpress writes to lay out an example).
std::string format(const Diagnostic& d);

// Text quoted from an input, made safe to print to a terminal: control characters (C0, DEL, C1),
// bidirectional embeddings, overrides, isolates and marks, and line and paragraph separators
// are written as \u001B; a byte that is not part of a UTF-8 character as \xFF. Every other
// character, letters of any script included, is left as it is.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);
// The lines a terminal shows for `findings`, in their order: of each code in each file the
// first `per_code` findings (a hint given once for the code, not again with each), then one
// line saying how many more there are ("... and 490 more input.unknown-key"). A report meant
// for programs (batch's JSON) keeps every finding; a person reads the first few.
inline constexpr std::size_t kShownPerCode = 10;
std::vector<std::string> shown_lines(const std::vector<Diagnostic>& findings, std::size_t per_code = kShownPerCode);

}  // namespace leafpress
