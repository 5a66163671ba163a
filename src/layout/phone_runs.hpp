// The clinic's number in text that is not furniture (body paragraphs, list items, table cells,
// captions, taglines, the disclaimer): found once, here, where runs are made from the text, and
// set as one unbreakable left-to-right run with its tel: link (RunRole::PhoneNumber, which the
// page model carries on as Meaning::PhoneNumber for the checks).
#pragma once
#include <vector>

#include "style/brand.hpp"
#include "text/paragraph.hpp"

namespace leafpress {

// `runs` with every written form of the brand's number (PhoneFinder) made a run of its own,
// role PhoneNumber, linked to the brand's tel: URI. A number written across runs of different
// styles becomes one run in the style of its first character. Runs with a link other than a
// tel: one are left alone.
std::vector<text::StyledRun> mark_phone(std::vector<text::StyledRun> runs, const Brand& brand);

}  // namespace leafpress
