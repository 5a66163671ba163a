// Line breaking: Knuth–Plass total-fit over boxes, glue and penalties. Justified and
// ragged-right text come from the same optimiser; ragged lines get a fixed stretch at
// their end instead of stretchable spaces.
#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "core/units.hpp"

namespace leafpress::text {

enum class ItemType { Box, Glue, Penalty };

struct Item {
    ItemType type = ItemType::Box;
    Pt width;
    Pt stretch;
    Pt shrink;
    double penalty = 0;    // for penalties; >= kInfinity forbids, <= -kInfinity forces
    bool flagged = false;  // a hyphen break
};

constexpr double kInfinity = 10000;
constexpr Pt kFill{1e6};  // stretch that absorbs anything: the end of a paragraph

// A flagged penalty is a hyphen break: the optimiser limits them in a row.
enum class Flag { None, Hyphen };

Item box(Pt width);
Item glue(Pt width, Pt stretch, Pt shrink);
Item penalty(Pt width, double cost, Flag flag);

struct BreakOptions {
    double tolerance = 200;  // largest badness accepted on the first pass
    double line_penalty = 10;
    double flagged_demerits = 3000;       // two hyphenated lines in a row
    double fitness_demerits = 100;        // a tight line next to a loose one
    double final_hyphen_demerits = 5000;  // a hyphen on the last-but-one line
    int max_consecutive_hyphens = 2;
    Pt ragged_stretch{0};  // > 0: ragged-right, each line may fall this short cheaply
};

struct Breaks {
    std::vector<std::size_t> positions;  // indices of the items broken at; the last is the end
    bool overfull = false;               // some line could not be made to fit
    bool hyphen_limit_relaxed = false;   // more hyphenated lines in a row than allowed: no other way
    bool within_tolerance = false;       // every line's badness within the options' tolerance
};

// The items must end with a forced break (penalty -kInfinity).
Breaks break_lines(std::span<const Item> items, Pt line_width, const BreakOptions& options);

// Ratio by which a line's glue is stretched (>0) or shrunk (<0): 0 when exact, infinite when
// the line is short and has nothing to stretch or long with nothing to shrink.
double adjustment_ratio(Pt natural, Pt stretch, Pt shrink, Pt line_width);

}  // namespace leafpress::text
