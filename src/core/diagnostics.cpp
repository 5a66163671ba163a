#include "core/diagnostics.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace leafpress {

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
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::Error;
    }));
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::vector<std::string> shown_lines(const std::vector<Diagnostic>& findings, std::size_t per_code) {
    struct Seen {
        std::size_t shown = 0, more = 0;  // findings shown, and those left out (repeats counted)
        std::string file;
        std::set<std::string> hints;      // hints given already
    };
    std::map<std::pair<std::string, std::string>, Seen> seen;  // (code, file) →
    std::vector<std::pair<std::string, std::pair<std::string, std::string>>> lines;  // a line, and the group it counts for
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
        out.push_back((s.file.empty() ? std::string("leafpress") : s.file) + ": note: ... and " + std::to_string(s.more) +
                      " more " + group.first + (s.more == 1 ? " finding" : " findings") + " not shown");
    }
    return out;
}

std::string format(const Diagnostic& d) {
    std::string out = d.where.file.empty() ? std::string("leafpress") : d.where.file;
    if (d.where.line > 0) {
        out += ':' + std::to_string(d.where.line);
        out += ':' + std::to_string(d.where.column > 0 ? d.where.column : 1);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    if (d.count > 1) out += " (" + std::to_string(d.count) + " times)";
    if (!d.hint.empty()) out += "\n  hint: " + d.hint;
    return out;
}

}  // namespace leafpress
