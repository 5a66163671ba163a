// The translation files, data/translations/<language>.toml (as Typst's translations/*.txt):
// the ten labels of a language and, in [date], how it writes a date. A file is named by the
// language's primary subtag ("es.toml"), or its primary subtag and script for Chinese
// ("zh-Hans.toml", "zh-Hant.toml"); en.toml must be there, for the languages without a file.
#pragma once
#include <map>
#include <string>

#include "content/words.hpp"
#include "core/diagnostics.hpp"

namespace leafpress {

class Translations {
public:
    // Every *.toml in `dir`; a file that cannot be read or has a wrong or missing key is an
    // error at its line and column, and is left out.
    static Translations load(const std::string& dir, Diagnostics& diags);
    // One file's text (`path` names it), for tests and load.
    bool add(const std::string& text, const std::string& path, Diagnostics& diags);

    // The words for a leaflet in `language`: its own file's, or English's (with ISO dates) when
    // it has none.
    [[nodiscard]] Words words_for(const Language& language) const;
    [[nodiscard]] bool has(const Language& language) const;

private:
    std::map<std::string, Words> by_key_;  // "es", "zh-Hant": the file's stem
};

}  // namespace leafpress
