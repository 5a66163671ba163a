// Facts about items that follow from what they are: where they come in reading order, which
// are page furniture, and heading levels. One place, read by the tags writer and the checks.
#pragma once
#include <compare>

#include "model/page.hpp"

namespace leafpress {

// Where an element stands in reading order: the cover, the sections in order, the call to
// action, the small print. Items of one element keep their drawing order (line by line).
struct ReadingKey {
    int group, a, b, c;
    friend auto operator<=>(const ReadingKey&, const ReadingKey&) = default;
};

ReadingKey reading_key(const ElementRef& r);

// Page furniture (footers, bands, rules, a box's background) rather than content.
bool is_artifact(const ElementRef& r);

// 1 for the title, 2 for a section's heading and the call to action's, 3 for a sub-heading in a
// section's body; 0 for what is no heading.
int heading_level(const ElementRef& r);

}  // namespace leafpress
