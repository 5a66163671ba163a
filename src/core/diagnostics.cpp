#include "core/diagnostics.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace leafpress {

namespace {

// Characters that a terminal acts on rather than shows, or that reorder what it shows.
bool acted_on(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029;
}

void append_escape(std::string& out, const char* format, unsigned value) {
    char buf[12];
    std::snprintf(buf, sizeof buf, format, value);
    out += buf;
}

}  // namespace

std::string terminal_safe(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t n = b < 0x80             ? 1
                              : (b & 0xE0) == 0xC0 ? 2
                              : (b & 0xF0) == 0xE0 ? 3
                              : (b & 0xF8) == 0xF0 ? 4
                                                   : 0;
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        bool valid = n > 0 && i + n <= text.size();
        for (std::size_t k = 1; valid && k < n; ++k) {
            const auto cont = static_cast<unsigned char>(text[i + k]);
            valid = (cont & 0xC0) == 0x80;
            c = (c << 6) | (cont & 0x3F);
        }
        // Overlong forms and surrogates are not characters: a byte that is not one is shown as \xNN.
        valid = valid && !(n == 2 && c < 0x80) && !(n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) &&
                !(n == 4 && (c < 0x10000 || c > 0x10FFFF));
        if (!valid) {
            append_escape(out, "\\x%02X", b);
            ++i;
            continue;
        }
        if (acted_on(c) && !(keep_newlines && c == '\n'))
            append_escape(out, "\\u%04X", static_cast<unsigned>(c));
        else
            out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

void Diagnostics::error(std::string code, SourcePos where, std::string message, std::string hint) {
    add({Severity::Error, std::move(code), std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string code, SourcePos where, std::string message, std::string hint) {
    add({Severity::Warning, std::move(code), std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
    std::string key = (d.severity == Severity::Error ? "E" : "W") + d.code + '\x1f' + d.message;
    const auto [it, added] = index_.try_emplace(std::move(key), items_.size());
    if (!added) {
        items_[it->second].count += d.count;
        return;
    }
    items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::vector<std::string> shown_lines(const std::vector<Diagnostic>& findings, std::size_t per_code) {
    struct Seen {
        std::size_t shown = 0, more = 0;  // findings shown, and those left out (repeats counted)
        std::string file;
        std::set<std::string> hints;  // hints given already
    };
    std::map<std::pair<std::string, std::string>, Seen> seen;  // (code, file) →
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>>
        lines;  // a line, and the group it counts for
    for (const Diagnostic& d : findings) {
        Seen& s = seen[{d.code, d.where.file}];
        if (d.code.empty() || s.shown < per_code) {
            ++s.shown;
            Diagnostic shown = d;
            if (!d.hint.empty() && !d.code.empty() && !s.hints.insert(d.hint).second) shown.hint.clear();
            lines.push_back({format(shown), {}});
            s.file = d.where.file;
            if (s.shown == per_code) lines.push_back({{}, {d.code, d.where.file}});  // its count, when there is more
            continue;
        }
        s.more += static_cast<std::size_t>(std::max(d.count, 1));
    }
    std::vector<std::string> out;
    for (auto& [line, group] : lines) {
        if (!line.empty()) {
            out.push_back(std::move(line));
            continue;
        }
        const Seen& s = seen[group];
        if (s.more == 0) continue;
        out.push_back((s.file.empty() ? std::string("leafpress") : s.file) + ": note: ... and " +
                      std::to_string(s.more) + " more " + group.first + (s.more == 1 ? " finding" : " findings") +
                      " not shown");
    }
    return out;
}

std::string format(const Diagnostic& d) {
    std::string out = d.where.file.empty() ? std::string("leafpress") : terminal_safe(d.where.file);
    if (d.where.line > 0) {
        out += ':' + std::to_string(d.where.line);
        out += ':' + std::to_string(d.where.column > 0 ? d.where.column : 1);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += terminal_safe(d.message);
    if (!d.code.empty()) out += " [" + terminal_safe(d.code) + "]";
    if (d.count > 1) out += " (" + std::to_string(d.count) + " times)";
    if (!d.hint.empty()) out += "\n  hint: " + terminal_safe(d.hint, true);
    return out;
}

}  // namespace leafpress
