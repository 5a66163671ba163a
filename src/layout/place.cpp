#include "layout/place.hpp"

#include <algorithm>

namespace leafpress {

namespace {

constexpr std::size_t kMinLines = 2;  // no widows or orphans: at least two lines of a paragraph together

class Placer {
public:
    // Take::Move: the units are the caller's to give up, and their items move onto the pages
    // instead of being copied (a long document's glyphs are then held once, not twice).
    enum class Take { Copy, Move };
    Placer(const FrameSource& frames, Size page_size, Take take = Take::Copy)
        : frames_(frames), page_size_(page_size), take_(take) { open(0); }

    Placement run(const std::vector<Unit>& units) {
        for (std::size_t u = 0; u < units.size() && out_.complete; ++u) {
            place_unit(units, u);
            // A unit given up (Take::Move) is spent once placed: its emptied line boxes go too.
            if (take_ == Take::Move && out_.complete) std::vector<LineBox>().swap(const_cast<Unit&>(units[u]).lines);
        }
        return std::move(out_);
    }

private:
    bool open(int index) {
        auto f = frames_(index);
        if (!f) return false;
        index_ = index;
        frame_ = *f;
        while (static_cast<int>(out_.pages.size()) <= frame_.page) out_.pages.push_back({page_size_, {}});
        y_ = frame_.rect.y;
        fresh_ = true;
        return true;
    }

    Pt room() const { return frame_.rect.bottom() - y_; }

    static Pt height_of(const Unit& u, std::size_t from, std::size_t count) {
        Pt h{0};
        for (std::size_t i = from; i < from + count && i < u.lines.size(); ++i) h += u.lines[i].height;
        return h;
    }

    // The height a unit needs to start here: all of it if it never splits or is too short to
    // leave kMinLines on each side of a split, else its first kMinLines lines; plus that of the
    // next unit when it keeps with it (so a heading never stands alone at a frame's foot).
    static Pt needed(const std::vector<Unit>& units, std::size_t u, bool at_top) {
        const Unit& unit = units[u];
        const std::size_t all = unit.lines.size();
        const std::size_t n = unit.split == Split::Never || all < 2 * kMinLines ? all : kMinLines;
        Pt h = (at_top ? Pt(0) : unit.space_before) + height_of(unit, 0, n);
        if (unit.keep_with_next && u + 1 < units.size()) h += needed(units, u + 1, false);
        return h;
    }

    void left_over(const std::vector<Unit>& units, std::size_t u, std::size_t line) {
        out_.complete = false;
        out_.first_left = u;
        Pt h = height_of(units[u], line, units[u].lines.size());
        for (std::size_t k = u + 1; k < units.size(); ++k)
            h += units[k].space_before + height_of(units[k], 0, units[k].lines.size());
        out_.left_over = h;
    }

    bool next_frame(const std::vector<Unit>& units, std::size_t u, std::size_t line) {
        if (open(index_ + 1)) return true;
        left_over(units, u, line);
        return false;
    }

    void place_unit(const std::vector<Unit>& units, std::size_t u) {
        const Unit& unit = units[u];
        if (unit.lines.empty()) return;
        if (!fresh_ && needed(units, u, false) > room() && !next_frame(units, u, 0)) return;
        // At the top of a frame that cannot hold a heading with the start of its text, no frame
        // of this height can: the keep is broken, and the caller may try taller frames.
        if (fresh_ && unit.keep_with_next && needed(units, u, true) > room() + Pt(0.01)) out_.kept = false;
        if (!fresh_) y_ += unit.space_before;
        repeat_header(unit);

        std::size_t i = 0;
        const std::size_t n = unit.lines.size();
        while (i < n) {
            std::size_t fit = 0;
            Pt h{0};
            while (i + fit < n && h + unit.lines[i + fit].height <= room() + Pt(0.01)) {
                h += unit.lines[i + fit].height;
                ++fit;
            }
            if (unit.split == Split::Never && fit < n - i && !fresh_) {
                if (!next_frame(units, u, i)) return;
                continue;
            }
            if (fit < n - i && unit.split == Split::Lines) {
                // Leave at least kMinLines for the next frame, and put at least kMinLines here.
                const std::size_t rest = n - i - fit;
                if (rest < kMinLines) fit = fit > (kMinLines - rest) ? fit - (kMinLines - rest) : 0;
                if (fit < kMinLines && fit < n - i) fit = 0;
            }
            if (fit == 0) {
                if (fresh_) {
                    fit = 1;  // taller than a whole frame: place it anyway, one line at a time
                    if (unit.lines[i].height > room() + Pt(0.01) && !frames_(index_ + 1)) {
                        left_over(units, u, i);
                        return;
                    }
                } else {
                    if (!next_frame(units, u, i)) return;
                    continue;
                }
            }
            if (!unit.outline_title.empty() && i == 0) out_.outline.push_back({unit.outline_title, frame_.page, y_});
            const Pt start = y_;
            auto& items = out_.pages[static_cast<std::size_t>(frame_.page)].items;
            for (std::size_t k = i; k < i + fit; ++k) {
                for (const PageItem& source : unit.lines[k].items) {
                    // Units given by rvalue (Take::Move) are not const objects: moving from them is allowed.
                    PageItem item = take_ == Take::Move ? std::move(const_cast<PageItem&>(source)) : source;
                    translate(item, frame_.rect.x, y_);
                    items.push_back(std::move(item));
                }
                y_ += unit.lines[k].height;
            }
            if (unit.section >= 0) extend(unit.section, start, y_);
            fresh_ = false;
            i += fit;
            if (i < n && !next_frame(units, u, i)) return;
        }
    }

    // A table row that starts a frame gets its table's header above it, when both fit there.
    void repeat_header(const Unit& unit) {
        if (!fresh_ || unit.repeat_header.empty()) return;
        const Pt header = height_of_lines(unit.repeat_header);
        if (header + height_of_lines(unit.lines) > room()) return;
        auto& items = out_.pages[static_cast<std::size_t>(frame_.page)].items;
        for (const auto& line : unit.repeat_header) {
            for (PageItem item : line.items) {
                translate(item, frame_.rect.x, y_);
                items.push_back(std::move(item));
            }
            y_ += line.height;
        }
        fresh_ = false;
    }

    static Pt height_of_lines(const std::vector<LineBox>& lines) {
        Pt h{0};
        for (const auto& l : lines) h += l.height;
        return h;
    }

    void extend(int section, Pt top, Pt bottom) {
        if (!out_.extents.empty()) {
            Extent& e = out_.extents.back();
            if (e.page == frame_.page && e.section == section && e.x == frame_.rect.x) {
                e.bottom = bottom;
                return;
            }
        }
        out_.extents.push_back({frame_.page, section, frame_.rect.x, frame_.rect.width, top, bottom});
    }

    const FrameSource& frames_;
    Size page_size_;
    Take take_ = Take::Copy;
    Placement out_;
    int index_ = 0;
    Frame frame_;
    Pt y_;
    bool fresh_ = true;
};

}  // namespace

Placement place(const std::vector<Unit>& units, const FrameSource& frames, Size page_size) {
    return Placer(frames, page_size).run(units);
}

Placement place(std::vector<Unit>&& units, const FrameSource& frames, Size page_size) {
    return Placer(frames, page_size, Placer::Take::Move).run(units);
}

}  // namespace leafpress
