#include "core/diagnostics.hpp"

#include <algorithm>

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
