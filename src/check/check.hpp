// Checks of a built leaflet that patient leaflets need: the phone number on every page, text
// that fits, body size, colour contrast, reading grade, review date, disclaimer. Each
// finding has a stable code (see README) and goes into the diagnostics with its severity.
#pragma once
#include <memory>

#include "content/document.hpp"
#include "core/diagnostics.hpp"
#include "model/page.hpp"
#include "model/page_sink.hpp"
#include "style/brand.hpp"
#include "style/layout.hpp"

namespace leafpress {

// What the PDF is for: the screen and the office printer, or the print shop (which asks for
// 300 dpi pictures).
enum class Medium { Screen, Print };

// What the checks read besides the pages.
struct CheckContext {
    const Document& doc;
    const Brand& brand;
    const Layout& layout;
    Date today;
    Medium medium = Medium::Screen;
};

// The checks, a page at a time as the leaflet is made: each page is checked when it comes (and
// what its late furniture will be checked against is kept: where its text is, what is filled
// behind it, whether it shows the phone number), its late furniture at the end. The findings
// are given at the end, check by check, each check's page by page.
class LeafletChecker final : public PageSink {
public:
    LeafletChecker(CheckContext context, Diagnostics& findings);
    ~LeafletChecker() override;
    void start(const DocumentStart& start) override;
    void page(const Page& page) override;
    void end(const DocumentEnd& end) override;

private:
    struct State;
    std::unique_ptr<State> state_;
};

struct CheckInput {
    const Document& doc;
    const Brand& brand;
    const Layout& layout;
    const LaidOut& laid;
    Date today;
    Medium medium = Medium::Screen;
};

// Every check of a whole laid-out leaflet.
void check_leaflet(const CheckInput& in, Diagnostics& findings);

// How a review date stands on a day: the one fact of a leaflet's findings that changes with the
// calendar (a batch's cache keys on it instead of on the day).
enum class ReviewState { Missing, Current, Stale, Future };
ReviewState review_state(const std::optional<Date>& reviewed, const std::optional<Date>& next_review, Date today);

}  // namespace leafpress
