// The syntax of PDF objects as text: tokens, and writing them back with no more separators
// than the syntax needs ("<</Type/Page/Parent 2 0 R>>"), for pack_objects.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::pdf::syntax {

enum class TokenKind {
    Regular,    // a number, a keyword (R, true, null, stream) or any other run of regular characters
    Name,       // "/Type"
    Delimiter,  // "<<", ">>", "[", "]", "{", "}"
    String,     // a literal "(...)" or hexadecimal "<...>" string, as written
};

struct Token {
    TokenKind kind = TokenKind::Regular;
    std::string_view text;
};

// The tokens of `text` (comments and white space dropped), or nullopt when a string or a
// dictionary marker is cut off.
std::optional<std::vector<Token>> tokenize(std::string_view text);

// Where the dictionary that starts `text` ends (just past its ">>"), or npos.
std::size_t dictionary_end(std::string_view text);

// Writes tokens one after another, with a space only between two that would otherwise read as
// one ("/N 3", "0 R", but "/Type/Page", "[1 2]").
class CompactWriter {
public:
    explicit CompactWriter(std::string& out) : out_(out) {}
    void put(TokenKind kind, std::string_view text);
    void put(const Token& t) { put(t.kind, t.text); }

private:
    std::string& out_;
    std::optional<TokenKind> last_;
};

// Whether `text` is a whole non-negative integer.
bool is_unsigned(std::string_view text);

}  // namespace leafpress::pdf::syntax
