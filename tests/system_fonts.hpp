// Tests that need the system's fonts (tagged [system-fonts]) say which: each family must be one
// that scripts/install-deps.sh installs, found through fontconfig, else the test fails naming
// the family and its Debian package rather than passing on whatever the machine has.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support.hpp"
#include "text/fonts.hpp"

namespace leafpress::test {

struct SystemFont {
    std::string family;
    std::string package;  // the Debian package scripts/install-deps.sh installs it from
};

inline void require_system_fonts(const std::vector<SystemFont>& fonts) {
    Diagnostics d;
    const auto lib = text::FontLibrary::scan(fonts_dir(), d, text::FontLibrary::System::Search);
    for (const auto& f : fonts) {
        const text::Face* face = lib.find(f.family, FontStyle::Regular);
        const bool found = face && face->family() == f.family && !face->path().starts_with(fonts_dir());
        if (!found)
            FAIL("this test needs the system font '" << f.family << "' (scripts/install-deps.sh installs " << f.package
                                                     << "); fontconfig does not have it");
    }
}

}  // namespace leafpress::test
