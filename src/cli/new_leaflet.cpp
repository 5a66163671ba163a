// leafpress new NAME.toml: a commented starting leaflet that builds as it is and passes check.
// Every key the content file takes is in it, each with a line saying what it does; the
// optional ones that need something of the clinic's (a figure, references) are commented out.
#include <cctype>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "style/brand.hpp"

namespace fs = std::filesystem;

namespace leafpress {

namespace {

// "knee-pain_advice" → "Knee pain advice": a title to start from.
std::string title_from(const std::string& stem) {
    std::string t;
    for (char c : stem) t.push_back(c == '-' || c == '_' ? ' ' : c);
    if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    return t;
}

// A TOML basic string's contents: quotes, backslashes and control characters escaped.
std::string toml_escaped(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

std::string starting_leaflet(const std::string& title, const Date& today) {
    return R"(# A leaflet for leafpress. Build it with:   leafpress build )" + std::string("THIS_FILE") + R"(
# Check it without writing a PDF:           leafpress check THIS_FILE
# The clinic's name, phone number, colours and logo come from brand.toml, found next to this
# file or in a folder above it (or give one with --brand FILE).

# The leaflet's title: the cover's heading and the PDF's title. Required.
title = ")" +
           toml_escaped(title) + R"("
# A line under the title.
subtitle = "What patients should know"
# The condition the leaflet is about, shown on the cover.
condition = ")" +
           toml_escaped(title) + R"("
# The language of the text, as a BCP 47 tag ("en", "es", "ar", ...): hyphenation, quotes, direction.
language = "en"
# When a clinician last reviewed the text. Printed, and checked: an overdue review is a warning.
reviewed = )" +
           to_iso(today) + R"(
# When it is next due (default: a year after the review).
# next_review = 2027-11-01
# One or two sentences for the cover.
summary = "This leaflet explains what the treatment is, what it may do, and what to expect."
# The clinic's own code for the leaflet, printed in the small print.
code = "LEAF-001"
# Its version, printed with the code: raise it with each change.
version = "1"
# Sources, printed as a numbered list at the end.
# references = ["Author A. Title of the study. Journal. 2025;1:1-10."]

# Each [[section]] is a heading and its text. Sections are printed in this order.
[[section]]
# The section's heading (optional).
heading = "About this treatment"
# "text" (the default), "callout" (a shaded box) or "quote".
kind = "text"
# The text, in Markdown: blank lines between paragraphs, *emphasis*, **strong**,
# [links](https://example.org), lists starting "- " or "1. ", "### " sub-headings, pipe tables,
# and figures as ![what it shows](picture.png "caption"), the picture next to this file.
body = """
Write in short sentences and plain words. Most readers take in a leaflet one paragraph at a time.

Say what the treatment is, who it is for, and what it may do.

- Use a list for steps or choices.
- Keep each point to one idea.
"""

[[section]]
heading = "What to expect"
body = """
### Before

Say how to prepare, and what to bring.

### After

Say what is normal, and when to call the clinic.
"""

[[section]]
heading = "Important to know"
kind = "callout"
body = """
**Call us if you are unsure.** The clinic's phone number is printed on every page.
"""
)";
}

}  // namespace

int run_new(const NewOptions& o, const RunSettings& s) {
    Diagnostics d;
    const fs::path path(o.path);
    if (path.extension() != ".toml") {
        d.error("new.name", {o.path, 0, 0}, "a content file's name ends in .toml",
                "for example: leafpress new knee-pain.toml");
    } else if (path.filename() == "brand.toml") {
        d.error("new.name", {o.path, 0, 0}, "brand.toml is the brand's file, never a leaflet", "choose another name");
    } else {
        std::error_code ec;
        if (fs::exists(fs::symlink_status(path, ec))) {
            d.error("new.exists", {o.path, 0, 0}, "the file already exists; leafpress new never writes over one",
                    "choose another name, or remove the file first");
        }
    }
    if (d.has_errors()) {
        report(d);
        return 1;
    }
    std::string text = starting_leaflet(title_from(path.stem().string()), s.today);
    for (std::size_t at; (at = text.find("THIS_FILE")) != std::string::npos;)
        text.replace(at, 9, path.filename().string());
    if (!write_atomically(o.path, std::vector<std::uint8_t>(text.begin(), text.end()), d)) {
        report(d);
        return 1;
    }
    std::cerr << "leafpress: wrote " << o.path << "; build it with: leafpress build " << o.path << '\n';
    if (!find_brand_file(o.path))
        std::cerr
            << "leafpress: note: there is no brand.toml next to it or in a folder above; give one with --brand FILE\n";
    return 0;
}

}  // namespace leafpress
