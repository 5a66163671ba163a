#include "text/break_lines.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace leafpress::text {

Item box(Pt width) { return {ItemType::Box, width, Pt(0), Pt(0), 0, false}; }
Item glue(Pt width, Pt stretch, Pt shrink) { return {ItemType::Glue, width, stretch, shrink, 0, false}; }
Item penalty(Pt width, double cost, Flag flag) {
    return {ItemType::Penalty, width, Pt(0), Pt(0), cost, flag == Flag::Hyphen};
}

double adjustment_ratio(Pt natural, Pt stretch, Pt shrink, Pt line_width) {
    const Pt slack = line_width - natural;
    if (slack > Pt(0)) return stretch > Pt(0) ? slack / stretch : std::numeric_limits<double>::infinity();
    if (slack < Pt(0)) return shrink > Pt(0) ? slack / shrink : -std::numeric_limits<double>::infinity();
    return 0.0;
}

namespace {

struct Sums {
    Pt width, stretch, shrink;
};

struct Node {
    std::size_t position;
    int fitness;
    int hyphen_run;
    int line;
    double demerits;
    Sums after;  // running sums at the first item of the next line
    int previous;
};

// First: within tolerance. Second: any badness. Relaxed: also more hyphens in a row than allowed
// and a hyphen before the last line. Emergency: also lines that overflow.
enum class Pass { First, Second, Relaxed, Emergency };

int fitness_class(double r) {
    if (r < -0.5) return 0;
    if (r <= 0.5) return 1;
    if (r <= 1.0) return 2;
    return 3;
}

bool is_legal_break(std::span<const Item> items, std::size_t i) {
    const Item& it = items[i];
    if (it.type == ItemType::Penalty) return it.penalty < kInfinity;
    if (it.type == ItemType::Glue) return i > 0 && items[i - 1].type == ItemType::Box;
    return false;
}

class Breaker {
public:
    Breaker(std::span<const Item> items, Pt width, const BreakOptions& o) : items_(items), width_(width), o_(o) {
        sums_.resize(items.size() + 1);
        Sums s{};
        for (std::size_t i = 0; i < items.size(); ++i) {
            sums_[i] = s;
            if (items[i].type != ItemType::Penalty) {
                s.width += items[i].width;
                s.stretch += items[i].stretch;
                s.shrink += items[i].shrink;
            }
        }
        sums_[items.size()] = s;
        // The last forced break whose line is the paragraph's final line.
        last_break_ = items.size() - 1;
    }

    std::optional<Breaks> run(Pass pass) {
        pass_ = pass;
        overfull_used_ = false;
        nodes_.clear();
        active_.clear();
        nodes_.push_back({0, 1, 0, 0, 0.0, sums_[0], -1});
        active_.push_back(0);
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (!is_legal_break(items_, i)) continue;
            try_break(i, pass);
            if (active_.empty()) return std::nullopt;
        }
        // The best node at the final forced break.
        int best = -1;
        for (int a : active_) {
            if (nodes_[a].position != last_break_) continue;
            if (best < 0 || nodes_[a].demerits < nodes_[best].demerits) best = a;
        }
        if (best < 0) return std::nullopt;
        Breaks b;
        for (int n = best; n > 0; n = nodes_[n].previous) b.positions.push_back(nodes_[n].position);
        std::reverse(b.positions.begin(), b.positions.end());
        b.overfull = overfull_used_;
        b.hyphen_limit_relaxed = pass >= Pass::Relaxed;
        b.within_tolerance = pass == Pass::First;
        return b;
    }

private:
    Sums after_break(std::size_t i) const {
        // Skip the glue and penalties that follow a break; they vanish at the line start.
        std::size_t j = i + 1;
        if (items_[i].type == ItemType::Penalty && items_[i].penalty <= -kInfinity) return sums_[j];
        while (j < items_.size() && items_[j].type != ItemType::Box) {
            if (items_[j].type == ItemType::Penalty && items_[j].penalty <= -kInfinity) break;
            ++j;
        }
        return sums_[j];
    }

    void try_break(std::size_t i, Pass pass) {
        const Item& it = items_[i];
        const bool forced = it.type == ItemType::Penalty && it.penalty <= -kInfinity;
        const double tolerance = pass == Pass::First ? o_.tolerance : kInfinity;  // badness is capped there

        struct Candidate {
            double demerits = std::numeric_limits<double>::infinity();
            int from = -1;
            double ratio = 0;
        };
        // Best candidate per (fitness, hyphen run).
        Candidate best[4][4];
        std::vector<int>& still_active = still_active_;
        still_active.clear();

        int least_bad = -1;  // for the emergency pass: the node whose line overflows least
        double least_overflow = std::numeric_limits<double>::infinity();

        for (int a : active_) {
            const Node& n = nodes_[a];
            Pt natural = sums_[i].width - n.after.width;
            Pt stretch = sums_[i].stretch - n.after.stretch + o_.ragged_stretch;
            const Pt shrink = sums_[i].shrink - n.after.shrink;
            if (it.type == ItemType::Penalty) natural += it.width;
            const double r = adjustment_ratio(natural, stretch, shrink, width_);

            bool keep = true;
            if (r < -1 || forced) keep = false;
            if (r < -1 && pass >= Pass::Emergency) {
                const double overflow = (natural - shrink - width_).value();
                if (overflow < least_overflow) {
                    least_overflow = overflow;
                    least_bad = a;
                }
            }
            if (keep) still_active.push_back(a);
            if (r < -1) continue;

            const double badness = r > 0 ? std::min(kInfinity, 100.0 * r * r * r) : 100.0 * (-r) * (-r) * (-r);
            if (badness > tolerance && pass < Pass::Emergency) continue;
            consider(best, a, i, r, badness);
        }

        bool any = false;
        for (auto& row : best)
            for (auto& c : row) any = any || c.from >= 0;
        if (!any && pass >= Pass::Emergency && least_bad >= 0) {
            // Nothing fits: take the line that overflows least so the paragraph still sets.
            overfull_used_ = true;
            consider(best, least_bad, i, -1.0, kInfinity);
        }

        active_.swap(still_active);
        for (int f = 0; f < 4; ++f) {
            for (int h = 0; h < 4; ++h) {
                const Candidate& c = best[f][h];
                if (c.from < 0) continue;
                nodes_.push_back({i, f, h, nodes_[c.from].line + 1, c.demerits, after_break(i), c.from});
                active_.push_back(static_cast<int>(nodes_.size()) - 1);
            }
        }
    }

    template <typename Table>
    void consider(Table& best, int a, std::size_t i, double r, double badness) {
        const Item& it = items_[i];
        const Node& n = nodes_[a];
        const bool flagged = it.type == ItemType::Penalty && it.flagged;
        const int run = flagged ? n.hyphen_run + 1 : 0;
        if (run > o_.max_consecutive_hyphens && pass_ < Pass::Relaxed) return;
        if (flagged && pass_ < Pass::Relaxed && penultimate(i)) return;
        double d = o_.line_penalty + badness;
        d = d * d;
        if (it.type == ItemType::Penalty) {
            if (it.penalty >= 0)
                d += it.penalty * it.penalty;
            else if (it.penalty > -kInfinity)
                d -= it.penalty * it.penalty;
        }
        if (flagged && n.hyphen_run > 0) d += o_.flagged_demerits;
        if (flagged && penultimate(i)) d += o_.final_hyphen_demerits;
        const int f = fitness_class(r);
        if (std::abs(f - n.fitness) > 1) d += o_.fitness_demerits;
        d += n.demerits;
        auto& slot = best[f][std::min(run, 3)];
        if (d < slot.demerits) slot = {d, a, r};
    }

    // Whether a break at i leaves only the last line of the paragraph.
    bool penultimate(std::size_t i) const {
        const Sums s = after_break(i);
        return (sums_[last_break_].width - s.width) <= width_;
    }

    std::span<const Item> items_;
    Pt width_;
    const BreakOptions& o_;
    std::vector<Sums> sums_;
    std::vector<Node> nodes_;
    std::vector<int> active_;
    std::vector<int> still_active_;  // try_break's scratch: the nodes that stay active
    std::size_t last_break_ = 0;
    bool overfull_used_ = false;
    Pass pass_ = Pass::First;
};

}  // namespace

Breaks break_lines(std::span<const Item> items, Pt line_width, const BreakOptions& options) {
    if (items.empty()) return {};
    Breaker b(items, line_width, options);
    if (auto r = b.run(Pass::First)) return *r;
    if (auto r = b.run(Pass::Second)) return *r;
    if (auto r = b.run(Pass::Relaxed)) return *r;
    if (auto r = b.run(Pass::Emergency)) return *r;
    // Unreachable in practice: every forced break is reachable in the emergency pass.
    Breaks all;
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].type == ItemType::Penalty && items[i].penalty <= -kInfinity) all.positions.push_back(i);
    all.overfull = true;
    return all;
}

}  // namespace leafpress::text
