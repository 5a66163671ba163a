// Reading a TOML input file with positions: the file checks (empty, UTF-16, binary,
// invalid UTF-8), the parse, and typed field access that reports wrong types, missing
// required keys and unknown keys as diagnostics at the key's line and column.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include <toml++/toml.h>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "core/limits.hpp"

namespace leafpress {

// Reads a whole file as UTF-8 text. Reports and returns nullopt for a missing or unreadable
// file, an empty one, UTF-16/32, binary data and invalid UTF-8. A UTF-8 BOM is dropped.
// A file over `max_bytes` (see core/limits.hpp) is refused unread.
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags,
                                          std::size_t max_bytes = limits::kContentBytes);

// Parses TOML text; a syntax error becomes a diagnostic at its position.
std::optional<toml::table> parse_toml(const std::string& text, const std::string& path, Diagnostics& diags);

// Both: a TOML file read and parsed, or nullopt with the reason reported.
std::optional<toml::table> read_toml_file(const std::string& path, Diagnostics& diags,
                                          std::size_t max_bytes = limits::kContentBytes);

SourcePos position(const std::string& file, const toml::source_region& region);

enum class Requirement { Optional, Required };

// The nearest of `known` to `word` by edit distance, or empty when none is close.
std::string nearest(std::string_view word, std::initializer_list<std::string_view> known);

// Typed access to the keys of one TOML table.
class TomlFields {
public:
    TomlFields(const toml::table& table, std::string file, std::string context, Diagnostics& diags);

    std::optional<std::string> string(std::string_view key, Requirement req);
    std::optional<Date> date(std::string_view key, Requirement req);
    std::optional<double> number(std::string_view key, Requirement req);
    // A count (columns, taglines_required): a number that is not whole, or outside lo..hi, is an
    // error `code` at the value. Every integer key is read through it.
    std::optional<int> whole_number(std::string_view key, int lo, int hi, std::string_view code, Requirement req);
    std::optional<bool> boolean(std::string_view key, Requirement req);
    const toml::table* table(std::string_view key, Requirement req);
    const toml::array* array(std::string_view key, Requirement req);

    // Warns about every key not in `known`, naming the nearest known key.
    void warn_unknown(std::initializer_list<std::string_view> known);
    // A key already reported (as an error of its own): warn_unknown leaves it alone.
    void reported(std::string_view key) { reported_.emplace_back(key); }

    SourcePos key_pos(std::string_view key) const;
    SourcePos value_pos(std::string_view key) const;
    SourcePos table_pos() const;
    const std::string& file() const { return file_; }
    Diagnostics& diags() { return diags_; }

private:
    const toml::node* get(std::string_view key, Requirement req);
    void wrong_type(std::string_view key, std::string_view expected, std::string hint = {});

    const toml::table& table_;
    std::string file_;
    std::string context_;  // "" for the root, "section 2", "[colors]", ...
    Diagnostics& diags_;
    std::vector<std::string> reported_;
};

}  // namespace leafpress
