#include "pdf/pdf_syntax.hpp"

#include <algorithm>

namespace leafpress::pdf::syntax {

namespace {

bool white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

bool delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
           c == '%';
}

// Past the end of the literal string that opens at `at` ("(" ... ")", nested and escaped), or npos.
std::size_t literal_end(std::string_view s, std::size_t at) {
    int depth = 0;
    for (std::size_t i = at; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\') {
            ++i;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

}  // namespace

bool Tokenizer::next(Token& t) {
    const std::string_view s = s_;
    while (i_ < s.size()) {
        const char c = s[i_];
        if (white(c)) {
            ++i_;
        } else if (c == '%') {
            while (i_ < s.size() && s[i_] != '\n' && s[i_] != '\r') ++i_;
        } else if (c == '(') {
            const std::size_t end = literal_end(s, i_);
            if (end == std::string_view::npos) break;
            t = {TokenKind::String, s.substr(i_, end - i_)};
            i_ = end;
            return true;
        } else if (c == '<' || c == '>') {
            if (i_ + 1 < s.size() && s[i_ + 1] == c) {
                t = {TokenKind::Delimiter, s.substr(i_, 2)};
                i_ += 2;
                return true;
            }
            if (c == '>') break;  // a lone '>'
            const std::size_t end = s.find('>', i_);
            if (end == std::string_view::npos) break;
            t = {TokenKind::String, s.substr(i_, end + 1 - i_)};
            i_ = end + 1;
            return true;
        } else if (c == '[' || c == ']' || c == '{' || c == '}') {
            t = {TokenKind::Delimiter, s.substr(i_, 1)};
            ++i_;
            return true;
        } else if (c == ')') {
            break;
        } else {
            const bool name = c == '/';
            std::size_t end = i_ + 1;
            while (end < s.size() && !white(s[end]) && !delimiter(s[end])) ++end;
            t = {name ? TokenKind::Name : TokenKind::Regular, s.substr(i_, end - i_)};
            i_ = end;
            return true;
        }
    }
    broken_ = i_ < s.size();
    i_ = s.size();
    return false;
}

std::optional<std::vector<Token>> tokenize(std::string_view s) {
    std::vector<Token> out;
    Tokenizer in(s);
    Token t;
    while (in.next(t)) out.push_back(t);
    if (in.broken()) return std::nullopt;
    return out;
}

std::size_t dictionary_end(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && white(s[i])) ++i;
    if (s.substr(i, 2) != "<<") return std::string_view::npos;
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '(') {
            i = literal_end(s, i);
            if (i == std::string_view::npos) return i;
        } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
            ++depth;
            i += 2;
        } else if (c == '>' && i + 1 < s.size() && s[i + 1] == '>') {
            i += 2;
            if (--depth == 0) return i;
        } else if (c == '<') {
            i = s.find('>', i);
            if (i == std::string_view::npos) return i;
            ++i;
        } else if (c == '%') {
            while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
        } else {
            ++i;
        }
    }
    return std::string_view::npos;
}

void CompactWriter::put(TokenKind kind, std::string_view text) {
    // Only a regular token can run into what was before it: a number after a name or a number.
    if (kind == TokenKind::Regular && last_ && (*last_ == TokenKind::Regular || *last_ == TokenKind::Name))
        out_.push_back(' ');
    out_.append(text);
    last_ = kind;
}

bool is_unsigned(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace leafpress::pdf::syntax
