// Typographic choices shared by the style (which reads them) and the text stage (which applies them).
#pragma once

namespace leafpress {

enum class Align { RaggedRight, Justified };
enum class Hyphenation { Off, On };

}  // namespace leafpress
