// Typographic choices shared by the content and the style (which read them) and the text stage
// (which applies them).
#pragma once

namespace leafpress {

enum class Align { RaggedRight, Justified };

// A run's face within a family.
enum class FontStyle { Regular, Italic, Bold, BoldItalic };

constexpr FontStyle with_italic(FontStyle s) {
    return (s == FontStyle::Bold || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Italic;
}

constexpr FontStyle with_bold(FontStyle s) {
    return (s == FontStyle::Italic || s == FontStyle::BoldItalic) ? FontStyle::BoldItalic : FontStyle::Bold;
}
enum class Hyphenation { Off, On };

}  // namespace leafpress
