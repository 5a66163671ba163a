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

// Reads tokens one after another (comments and white space dropped).
class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : s_(text) {}
    // The next token into `t`; false at the end, or when a string or a dictionary marker is
    // cut off (then broken() is true).
    bool next(Token& t);
    [[nodiscard]] bool broken() const { return broken_; }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    bool broken_ = false;
};

// The tokens of `text`, or nullopt when a string or a dictionary marker is cut off.
std::optional<std::vector<Token>> tokenize(std::string_view text);

// Calls `token` for each token of `text` and `reference` for each "N 0 R" in it; false when
// the text is broken.
template <typename OnToken, typename OnReference>
bool each_token(std::string_view text, OnToken token, OnReference reference);

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

template <typename OnToken, typename OnReference>
bool each_token(std::string_view text, OnToken token, OnReference reference) {
    Tokenizer in(text);
    Token window[3];
    int held = 0;
    const auto number = [](const Token& t) { return t.kind == TokenKind::Regular && is_unsigned(t.text); };
    for (;;) {
        while (held < 3 && in.next(window[held])) ++held;
        if (held == 0) break;
        if (held == 3 && number(window[0]) && window[1].kind == TokenKind::Regular && window[1].text == "0" &&
            window[2].kind == TokenKind::Regular && window[2].text == "R") {
            reference(window[0].text);
            held = 0;
            continue;
        }
        token(window[0]);
        window[0] = window[1];
        window[1] = window[2];
        --held;
    }
    return !in.broken();
}

}  // namespace leafpress::pdf::syntax
