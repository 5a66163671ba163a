#include "content/string_source.hpp"

#include <algorithm>

namespace leafpress {

namespace {
bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

std::size_t utf8_length(std::uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

std::uint32_t hex_value(std::string_view s) {
    std::uint32_t v = 0;
    for (char c : s) {
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= static_cast<std::uint32_t>(c - 'A' + 10);
    }
    return v;
}
}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

std::size_t LineIndex::offset(int line, int column) const {
    if (line < 1) return 0;
    const auto l = static_cast<std::size_t>(line - 1);
    if (l >= starts_.size()) return text_.size();
    std::size_t off = starts_[l];
    for (int col = 1; col < column && off < text_.size() && text_[off] != '\n';) {
        ++off;
        while (off < text_.size() && !is_lead(text_[off])) ++off;
        ++col;
    }
    return off;
}

StringSource StringSource::verbatim(std::string file, std::string_view text, int line, int column) {
    StringSource s;
    s.file_ = std::move(file);
    s.source_ = text;
    s.points_.push_back({0, 0, line, column, true});
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            s.points_.push_back({i + 1, i + 1, ++line, 1, true});
            column = 1;
        } else if (is_lead(text[i]) && i - s.points_.back().value >= 1024) {
            s.points_.push_back({i, i, line, column, true});  // bounds the scan in at()
        }
        if (text[i] != '\n' && is_lead(text[i])) ++column;
    }
    return s;
}

StringSource StringSource::toml_value(std::string file, std::string_view text, std::size_t at, int line, int column) {
    StringSource s;
    s.file_ = std::move(file);
    s.source_ = text;
    const std::string_view rest = text.substr(std::min(at, text.size()));
    const bool multi = rest.starts_with("\"\"\"") || rest.starts_with("'''");
    const bool basic = !rest.empty() && rest[0] == '"';
    if (rest.empty() || (rest[0] != '"' && rest[0] != '\'')) {
        s.points_.push_back({0, at, line, column, true});
        return s;
    }
    const std::size_t quote = multi ? 3 : 1;
    std::size_t i = at + quote;
    column += static_cast<int>(quote);
    // A newline right after the opening quotes of a multi-line string is not part of it.
    if (multi && text.substr(i).starts_with("\r\n")) {
        i += 2;
        ++line;
        column = 1;
    } else if (multi && text.substr(i).starts_with("\n")) {
        i += 1;
        ++line;
        column = 1;
    }

    std::size_t value = 0;
    const char delim = basic ? '"' : '\'';
    s.points_.push_back({0, i, line, column, true});
    const auto checkpoint = [&](bool linear) { s.points_.push_back({value, i, line, column, linear}); };
    while (i < text.size()) {
        const char c = text[i];
        if (c == delim) {
            if (!multi) break;
            if (text.substr(i).starts_with(std::string(3, delim))) {
                // Up to two more quotes before the closing three belong to the value.
                std::size_t run = 3;
                while (run < 5 && i + run < text.size() && text[i + run] == delim) ++run;
                if (run == 3) break;
                value += run - 3;
                i += run - 3;
                column += static_cast<int>(run - 3);
                checkpoint(true);
                continue;
            }
        }
        if (!multi && c == '\n') break;
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {  // CRLF reads as one newline
            i += 2;
            value += 1;
            ++line;
            column = 1;
            checkpoint(true);
            continue;
        }
        if (c == '\n') {
            ++i;
            ++value;
            ++line;
            column = 1;
            checkpoint(true);
            continue;
        }
        if (basic && c == '\\' && i + 1 < text.size()) {
            const char e = text[i + 1];
            if (e == 'u' || e == 'U') {
                const std::size_t n = e == 'u' ? 4 : 8;
                const std::uint32_t cp = hex_value(text.substr(i + 2, n));
                s.points_.push_back({value, i, line, column, false});
                value += utf8_length(cp);
                i += 2 + n;
                column += static_cast<int>(2 + n);
            } else if (multi && (e == ' ' || e == '\t' || e == '\n' || e == '\r')) {
                // A line-ending backslash: the white space and newlines after it vanish.
                i += 1;
                ++column;
                while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
                    if (text[i] == '\n') {
                        ++line;
                        column = 1;
                    } else
                        ++column;
                    ++i;
                }
            } else {
                s.points_.push_back({value, i, line, column, false});
                value += 1;
                i += 2;
                column += 2;
            }
            checkpoint(true);
            continue;
        }
        if (is_lead(c) && value - s.points_.back().value >= 1024) checkpoint(true);  // bounds the scan in at()
        ++i;
        ++value;
        if (is_lead(c)) ++column;  // columns count code points, not bytes
    }
    return s;
}

std::vector<TextAnchor> StringSource::anchors() const {
    std::vector<TextAnchor> out;
    out.reserve(points_.size());
    for (const auto& p : points_) {
        if (!out.empty() && out.back().offset == p.value) out.pop_back();  // the later point wins
        out.push_back({static_cast<std::uint32_t>(p.value), p.line, p.column});
    }
    return out;
}

SourcePos StringSource::at(std::size_t value_offset) const {
    auto it = std::upper_bound(points_.begin(), points_.end(), value_offset,
                               [](std::size_t v, const Checkpoint& p) { return v < p.value; });
    if (it == points_.begin()) return {file_, points_.empty() ? 0 : points_.front().line, 1};
    const Checkpoint& p = *std::prev(it);
    if (!p.linear) return {file_, p.line, p.column};
    int column = p.column;
    const std::size_t end = std::min(source_.size(), p.source + (value_offset - p.value));
    for (std::size_t k = p.source; k < end; ++k)
        if (is_lead(source_[k])) ++column;
    return {file_, p.line, column};
}

TextAnchor StringSource::Walk::at(std::size_t value_offset) {
    const auto& points = source_.points_;
    const auto it = std::upper_bound(points.begin(), points.end(), value_offset,
                                     [](std::size_t v, const Checkpoint& p) { return v < p.value; });
    const auto anchor = [&](int line, int column) {
        return TextAnchor{static_cast<std::uint32_t>(value_offset), line, column};
    };
    if (it == points.begin()) return anchor(points.empty() ? 0 : points.front().line, 1);
    const std::size_t point = static_cast<std::size_t>(std::prev(it) - points.begin());
    const Checkpoint& p = points[point];
    if (!p.linear) return anchor(p.line, p.column);
    if (!started_ || point != point_ || value_offset < value_) {
        started_ = true;
        point_ = point;
        value_ = p.value;
        source_at_ = p.source;
        column_ = p.column;
    }
    const std::size_t end = std::min(source_.source_.size(), p.source + (value_offset - p.value));
    for (; source_at_ < end; ++source_at_)
        if (is_lead(source_.source_[source_at_])) ++column_;
    value_ = value_offset;
    return anchor(p.line, column_);
}

}  // namespace leafpress
