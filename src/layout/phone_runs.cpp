#include "layout/phone_runs.hpp"

#include "style/phone.hpp"

namespace leafpress {

namespace {

// The anchors of bytes [from, to) of `run`, for a run whose text starts `shift` bytes earlier.
void slice_anchors(const text::StyledRun& run, std::size_t from, std::size_t to, std::size_t shift,
                   std::vector<TextAnchor>& out) {
    if (run.anchors.empty()) return;
    if (const auto lc = locate(run.text, run.anchors, from))
        out.push_back({static_cast<std::uint32_t>(shift), lc->first, lc->second});
    for (const auto& a : run.anchors)
        if (a.offset > from && a.offset < to)
            out.push_back({static_cast<std::uint32_t>(a.offset - from + shift), a.line, a.column});
}

// Bytes [from, to) of the concatenated text of runs [first, last), each piece in its run's style.
void copy_range(const std::vector<text::StyledRun>& runs, std::size_t first, std::size_t last,
                const std::vector<std::size_t>& starts, std::size_t from, std::size_t to,
                std::vector<text::StyledRun>& out) {
    for (std::size_t r = first; r < last; ++r) {
        const std::size_t a = std::max(from, starts[r]), b = std::min(to, starts[r] + runs[r].text.size());
        if (a >= b) continue;
        text::StyledRun piece = runs[r];
        piece.text = runs[r].text.substr(a - starts[r], b - a);
        piece.anchors.clear();
        slice_anchors(runs[r], a - starts[r], b - starts[r], 0, piece.anchors);
        out.push_back(std::move(piece));
    }
}

// The runs [first, last), which share a link, with the number's occurrences marked.
// `starts`: a scratch of runs.size(), where each run of the group starts in the group's text
// (allocated once for all groups: a paragraph of many short links has many groups).
void mark_group(const std::vector<text::StyledRun>& runs, std::size_t first, std::size_t last,
                const PhoneFinder& finder, const Brand& brand, std::vector<std::size_t>& starts,
                std::vector<text::StyledRun>& out) {
    std::string text;
    for (std::size_t r = first; r < last; ++r) {
        starts[r] = text.size();
        text += runs[r].text;
    }
    const auto found = finder.find_utf8(text);
    if (found.empty()) {
        out.insert(out.end(), runs.begin() + static_cast<long>(first), runs.begin() + static_cast<long>(last));
        return;
    }
    std::size_t at = 0;
    for (const auto& span : found) {
        copy_range(runs, first, last, starts, at, span.begin, out);
        std::size_t r = first;
        while (starts[r] + runs[r].text.size() <= span.begin) ++r;
        text::StyledRun phone = runs[r];
        phone.text = text.substr(span.begin, span.end - span.begin);
        phone.link = brand.tel;
        phone.role = text::RunRole::PhoneNumber;
        phone.anchors.clear();
        for (std::size_t k = r; k < last && starts[k] < span.end; ++k) {
            const std::size_t a = std::max(span.begin, starts[k]),
                              b = std::min(span.end, starts[k] + runs[k].text.size());
            slice_anchors(runs[k], a - starts[k], b - starts[k], a - span.begin, phone.anchors);
        }
        out.push_back(std::move(phone));
        at = span.end;
    }
    copy_range(runs, first, last, starts, at, text.size(), out);
}

}  // namespace

std::vector<text::StyledRun> mark_phone(std::vector<text::StyledRun> runs, const Brand& brand) {
    const PhoneFinder finder(brand.phone);
    if (finder.empty()) return runs;
    std::vector<text::StyledRun> out;
    std::vector<std::size_t> starts(runs.size(), 0);
    std::size_t r = 0;
    while (r < runs.size()) {
        const bool open =
            runs[r].role == text::RunRole::Text && (runs[r].link.empty() || runs[r].link.starts_with("tel:"));
        if (!open) {
            out.push_back(std::move(runs[r++]));
            continue;
        }
        std::size_t end = r + 1;
        while (end < runs.size() && runs[end].role == text::RunRole::Text && runs[end].link == runs[r].link) ++end;
        mark_group(runs, r, end, finder, brand, starts, out);
        r = end;
    }
    return out;
}

}  // namespace leafpress
