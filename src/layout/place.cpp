#include "layout/place.hpp"

#include <algorithm>
#include <deque>

namespace leafpress {

namespace {

// The content block a unit's text comes from (its first run of text's), or -1.
int block_of(const Unit& unit) {
    if (!unit.furniture.empty()) return -1;
    for (const auto& line : unit.lines)
        for (const auto& item : line.items)
            if (const auto* g = std::get_if<GlyphRun>(&item); g && g->source.block >= 0) return g->source.block;
    return -1;
}

constexpr std::size_t kMinLines = 2;  // no widows or orphans: at least two lines of a paragraph together

// The units a placer works through, by their index in reading order: a caller's vector that holds
// them all, or a queue it is fed, from which placed units are let go.
class Units {
public:
    explicit Units(const std::vector<Unit>* all) : all_(all) {}
    Units() = default;

    [[nodiscard]] std::size_t count() const { return all_ ? all_->size() : base_ + queue_.size(); }
    [[nodiscard]] const Unit& operator[](std::size_t u) const { return all_ ? (*all_)[u] : queue_[u - base_]; }
    // Units given to the placer to move from (a caller's rvalue vector, or the queue) are not const objects.
    [[nodiscard]] Unit& take(std::size_t u) { return const_cast<Unit&>((*this)[u]); }
    void push(Unit u) { queue_.push_back(std::move(u)); }
    // Lets go of the queued units before `u`.
    void drop_before(std::size_t u) {
        while (!all_ && base_ < u && !queue_.empty()) {
            queue_.pop_front();
            ++base_;
        }
    }
    [[nodiscard]] std::size_t first() const { return all_ ? 0 : base_; }

private:
    const std::vector<Unit>* all_ = nullptr;
    std::deque<Unit> queue_;
    std::size_t base_ = 0;  // the index of the queue's front
};

class Placer {
public:
    // Take::Move: the units are the caller's to give up, and their items move onto the pages
    // instead of being copied (a long document's glyphs are then held once, not twice).
    enum class Take { Copy, Move };
    Placer(const FrameSource& frames, Size page_size, Units units, Take take = Take::Copy)
        : frames_(frames), page_size_(page_size), units_(std::move(units)), take_(take) {
        open(0, 0, 0);
    }

    // Every unit, when the placer has them all.
    Placement run() {
        ended_ = true;
        advance();
        return std::move(out_);
    }

    // Streaming: pages are given to `finished` once left; with `keep`, the units on the last
    // page are kept (the placement then copies items, and lets units go only once their page
    // is done).
    void stream(PagePlacer::Finished finished, LastPage keep) {
        finished_ = std::move(finished);
        keep_ = keep;
    }
    void push(Unit u) {
        units_.push(std::move(u));
        advance();
    }
    PagePlacer::End end() {
        ended_ = true;
        advance();
        PagePlacer::End e;
        e.last_page = highest_;
        e.kept_before_last = kept_before_;
        if (keep_ == LastPage::Kept) {
            for (std::size_t u = start_.unit; u < units_.count(); ++u) {
                Unit unit = units_[u];
                if (u == start_.unit && start_.line > 0) {
                    unit.lines.erase(unit.lines.begin(), unit.lines.begin() + static_cast<long>(start_.line));
                    unit.outline_title.clear();  // its start, and its outline entry, are on an earlier page
                    unit.repeat_header.clear();
                }
                e.last_units.push_back(std::move(unit));
            }
        }
        e.placement = std::move(out_);
        return e;
    }

private:
    struct Mark {
        std::size_t unit = 0, line = 0;
    };

    // Places every unit whose followers it keeps with have come (all, once the units have ended).
    void advance() {
        while (out_.complete && next_ < units_.count()) {
            if (!ended_) {
                std::size_t last = next_;
                while (last < units_.count() && units_[last].keep_with_next) ++last;
                if (last >= units_.count()) return;  // its chain of keeps goes past what has come
            }
            const std::size_t u = next_++;
            place_unit(u);
            if (!out_.complete) return;
            // A unit given up (Take::Move) is spent once placed: its emptied line boxes go too,
            // and a queued one goes.
            if (take_ == Take::Move) {
                std::vector<LineBox>().swap(units_.take(u).lines);
                units_.drop_before(u + 1);
            }
        }
    }

    bool open(int index, std::size_t unit, std::size_t line) {
        auto f = frames_(index);
        if (!f) return false;
        index_ = index;
        frame_ = *f;
        while (static_cast<int>(out_.pages.size()) <= frame_.page) out_.pages.push_back({page_size_, {}});
        y_ = frame_.rect.y;
        fresh_ = true;
        if (frame_.page > highest_) turn_page(unit, line);
        return true;
    }

    // The placer moves on to a new page: those before it are done.
    void turn_page(std::size_t unit, std::size_t line) {
        for (int p = std::max(highest_, 0); p < frame_.page && finished_; ++p) {
            std::vector<Extent> extents;
            auto split = std::stable_partition(out_.extents.begin(), out_.extents.end(),
                                               [p](const Extent& e) { return e.page == p; });
            extents.assign(out_.extents.begin(), split);
            out_.extents.erase(out_.extents.begin(), split);
            finished_(p, std::move(out_.pages[static_cast<std::size_t>(p)]), std::move(extents));
            out_.pages[static_cast<std::size_t>(p)] = {page_size_, {}};
        }
        highest_ = frame_.page;
        start_ = {unit, line};
        kept_before_ = out_.kept;
        if (keep_ == LastPage::Kept) units_.drop_before(unit);
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
    Pt needed(std::size_t u, bool at_top) const {
        const Unit& unit = units_[u];
        const std::size_t all = unit.lines.size();
        const std::size_t n = unit.split == Split::Never || all < 2 * kMinLines ? all : kMinLines;
        Pt h = (at_top ? Pt(0) : unit.space_before) + height_of(unit, 0, n);
        if (unit.keep_with_next && u + 1 < units_.count()) h += needed(u + 1, false);
        return h;
    }

    void left_over(std::size_t u, std::size_t line) {
        out_.complete = false;
        out_.first_left = u;
        Pt h = height_of(units_[u], line, units_[u].lines.size());
        for (std::size_t k = u + 1; k < units_.count(); ++k)
            h += units_[k].space_before + height_of(units_[k], 0, units_[k].lines.size());
        out_.left_over = h;
    }

    bool next_frame(std::size_t u, std::size_t line) {
        if (open(index_ + 1, u, line)) return true;
        left_over(u, line);
        return false;
    }

    void place_unit(std::size_t u) {
        const Unit& unit = units_[u];
        if (unit.lines.empty()) return;
        if (!fresh_ && needed(u, false) > room() && !next_frame(u, 0)) return;
        // At the top of a frame that cannot hold a heading with the start of its text: a taller
        // frame next (a page after the first's, under its cover) takes them; else no frame of
        // this height can, the keep is broken, and the caller may try taller frames.
        if (fresh_ && unit.keep_with_next && needed(u, true) > room() + Pt(0.01)) {
            const auto next = frames_(index_ + 1);
            if (next && next->rect.height > frame_.rect.height + Pt(0.01)) {
                if (!next_frame(u, 0)) return;
            }
            if (needed(u, true) > room() + Pt(0.01)) out_.kept = false;
        }
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
            // A unit that stands whole (a short callout: its heading with its text) parted at
            // the top of a frame too short for it: the caller may try taller frames.
            if (unit.split == Split::Never && fit < n - i && fresh_) out_.kept = false;
            if (unit.split == Split::Never && fit < n - i && !fresh_) {
                if (!next_frame(u, i)) return;
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
                    fit = 1;  // taller than what is left of a whole frame: place it anyway, one line at a time
                    if (unit.lines[i].height > room() + Pt(0.01)) {
                        if (!frames_(index_ + 1)) {
                            left_over(u, i);
                            return;
                        }
                        // A taller frame ahead (a page after the cover's) takes it; else no frame can,
                        // and the line is refused: one finding, never placed on page after page.
                        if (taller_ahead()) {
                            if (!next_frame(u, i)) return;
                            continue;
                        }
                        refuse(u, i);
                        ++i;
                        continue;
                    }
                } else {
                    if (!next_frame(u, i)) return;
                    continue;
                }
            }
            if (!unit.outline_title.empty() && i == 0) out_.outline.push_back({unit.outline_title, frame_.page, y_});
            const Pt start = y_;
            auto& items = out_.pages[static_cast<std::size_t>(frame_.page)].items;
            for (std::size_t k = i; k < i + fit; ++k) {
                for (const PageItem& source : unit.lines[k].items) {
                    PageItem item = take_ == Take::Move ? std::move(const_cast<PageItem&>(source)) : source;
                    translate(item, frame_.rect.x, y_);
                    items.push_back(std::move(item));
                }
                y_ += unit.lines[k].height;
            }
            if (unit.section >= 0) extend(unit.section, start, y_);
            fresh_ = false;
            i += fit;
            if (i < n && !next_frame(u, i)) return;
        }
    }

    // Whether a frame of the next few (a page's columns and the next page's) is taller than this one.
    [[nodiscard]] bool taller_ahead() const {
        constexpr int kLookAhead = 16;
        for (int k = 1; k <= kLookAhead; ++k) {
            const auto f = frames_(index_ + k);
            if (!f) return false;
            if (f->rect.height > frame_.rect.height + Pt(0.01)) return true;
        }
        return false;
    }

    void refuse(std::size_t u, std::size_t line) {
        const Unit& unit = units_[u];
        if (!refused_.empty() && refused_.back() == u) return;  // a unit is one finding
        refused_.push_back(u);
        out_.refused.push_back({unit.content_section, unit.furniture, unit.what,
                                unit.furniture.empty() ? unit.where : unit.furniture_at, unit.lines[line].height,
                                frame_.rect.height, block_of(unit)});
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
    Units units_;
    Take take_ = Take::Copy;
    Placement out_;
    std::size_t next_ = 0;  // the next unit to place
    bool ended_ = false;    // every unit has come
    int index_ = 0;
    Frame frame_;
    Pt y_;
    bool fresh_ = true;
    // Streaming.
    PagePlacer::Finished finished_;
    LastPage keep_ = LastPage::Given;
    int highest_ = -1;  // the last page a frame was opened on
    Mark start_;        // where that page's content starts
    bool kept_before_ = true;
    std::vector<std::size_t> refused_;  // the units refused
};

}  // namespace

Placement place(const std::vector<Unit>& units, const FrameSource& frames, Size page_size) {
    return Placer(frames, page_size, Units(&units)).run();
}

Placement place(std::vector<Unit>&& units, const FrameSource& frames, Size page_size) {
    return Placer(frames, page_size, Units(&units), Placer::Take::Move).run();
}

struct PagePlacer::Impl {
    Impl(FrameSource f, Size page_size, LastPage last)
        : frames(std::move(f)),
          placer(frames, page_size, Units(), last == LastPage::Kept ? Placer::Take::Copy : Placer::Take::Move) {}
    FrameSource frames;
    Placer placer;
};

PagePlacer::PagePlacer(FrameSource frames, Size page_size, Finished finished, LastPage last)
    : impl_(std::make_unique<Impl>(std::move(frames), page_size, last)) {
    impl_->placer.stream(std::move(finished), last);
}

PagePlacer::~PagePlacer() = default;

void PagePlacer::push(Unit unit) { impl_->placer.push(std::move(unit)); }

PagePlacer::End PagePlacer::finish() { return impl_->placer.end(); }

}  // namespace leafpress
