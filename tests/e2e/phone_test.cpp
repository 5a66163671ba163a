// The clinic's number wherever a leaflet mentions it: whole on one line and in order in what
// is printed, as MuPDF and pdftotext read the PDF, in every layout.
#include <catch2/catch.hpp>

#include <filesystem>

#include "e2e/proof.hpp"
#include "e2e/run.hpp"

using namespace leafpress;
using namespace leafpress::test;

namespace {

const std::string kPhone = "+1 (505) 555-0199 ext. 210";

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the number in body text, a list, a table cell and a Hebrew callout is printed whole and in order",
          "[e2e][phone][proof]") {
    TempDir dir;
    dir.write("c/brand.toml",
              "name = \"Rio Grande Community Health Center\"\n"
              "phone = \"" +
                  kPhone +
                  "\"\n"
                  "disclaimer = \"For general information only.\"\n");
    // The number in a paragraph, a list item, a table cell and a Hebrew callout ("For questions
    // call us on <number> any day of the week.").
    dir.write("c/leaflet.toml",
              "title = \"Living with lupus\"\nreviewed = 2026-11-01\n"
              "[[section]]\nheading = \"When to call us\"\nbody = \"\"\"\n"
              "If your joints swell or you have a new rash, call us on " +
                  kPhone +
                  " and ask for the nurse on duty, who can see you the same day.\n\n"
                  "- Fever over 38 degrees: call the nurse line on " +
                  kPhone +
                  " straight away.\n"
                  "- A new medicine: ask your pharmacist first.\n\n"
                  "| What | Who to call |\n|---|---|\n| Flare | " +
                  kPhone +
                  " |\n| Prescription | Your pharmacy |\n"
                  "\"\"\"\n"
                  "[[section]]\nkind = \"callout\"\n"
                  "body = \"\u05DC\u05E9\u05D0\u05DC\u05D5\u05EA \u05D4\u05EA\u05E7\u05E9\u05E8\u05D5 "
                  "\u05D0\u05DC\u05D9\u05E0\u05D5 "
                  "\u05D1\u05DE\u05E1\u05E4\u05E8 " +
                  kPhone + " \u05D1\u05DB\u05DC \u05D9\u05D5\u05DD \u05D1\u05E9\u05D1\u05D5\u05E2.\"\n");
    const PhoneFinder finder(kPhone);
    for (const char* layout : {"a4", "trifold", "booklet"}) {
        CAPTURE(layout);
        const std::string pdf = std::string("out-") + layout + ".pdf";
        const auto r = run(cli("build c/leaflet.toml -o " + pdf + " --layout " + layout), dir.path());
        INFO(r.err);
        REQUIRE(r.status == 0);
        int found = 0;
        for (const auto& page : proof(dir.file(pdf))) {
            for (const auto& p : phone_occurrences(page, finder)) {
                CAPTURE(p.text);
                CHECK(p.whole);
                CHECK(p.text == kPhone);
                ++found;
            }
        }
        // The four in the content, and the footer's and the call to action's at least.
        CHECK(found >= 6);
        // pdftotext, in its own reading order, finds each one whole.
        CHECK(count(run("pdftotext -layout " + quote(dir.file(pdf)) + " -").out, kPhone) == found);
    }
}
