#include "check/readability.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace leafpress {

namespace {
bool is_vowel(char c) {
    switch (c) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
        case 'y': return true;
        default: return false;
    }
}
}  // namespace

int syllables(std::string_view word) {
    std::string w;
    for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c)))
            w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (w.empty()) return 0;
    if (w.size() <= 3) return 1;
    int count = 0;
    bool prev = false;
    for (char c : w) {
        const bool v = is_vowel(c);
        if (v && !prev) ++count;
        prev = v;
    }
    // A final silent "e" ("care", "cure"), but not "-le" after a consonant ("able", "little").
    if (w.back() == 'e' && !(w.size() >= 3 && w[w.size() - 2] == 'l' && !is_vowel(w[w.size() - 3]))) --count;
    // "-ed" is silent unless after t or d ("used", but "treated").
    if (w.size() > 3 && w.ends_with("ed") && w[w.size() - 3] != 't' && w[w.size() - 3] != 'd' &&
        !is_vowel(w[w.size() - 3]))
        --count;
    // "-es" is silent after most consonants ("makes"), not after s, x, z, ch, sh ("uses").
    if (w.size() > 3 && w.ends_with("es") && std::string("sxzhgc").find(w[w.size() - 3]) == std::string::npos &&
        !is_vowel(w[w.size() - 3]))
        --count;
    return count < 1 ? 1 : count;
}

TextStats text_stats(std::string_view text) {
    TextStats s;
    std::string word, last_word;
    bool open_sentence = false;
    const auto end_word = [&] {
        if (!word.empty()) last_word = word;
        bool letters = false;
        for (char c : word) letters = letters || std::isalpha(static_cast<unsigned char>(c));
        if (letters) {
            ++s.words;
            s.syllables += syllables(word);
            open_sentence = true;
        }
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || (static_cast<unsigned char>(c) >= 0x80)) {
            word.push_back(c);
            continue;
        }
        end_word();
        if ((c == '.' || c == '!' || c == '?') && open_sentence) {
            // A full stop ends a sentence before a space or the end, but not after an initial or
            // an abbreviation ("e.g.", "Dr.").
            std::string lw;
            for (char k : last_word) lw.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(k))));
            static const char* const abbreviations[] = {"dr", "mr", "mrs", "ms", "st", "vs", "etc", "no", "approx"};
            const bool abbreviation =
                c == '.' && (lw.size() == 1 || std::find(std::begin(abbreviations), std::end(abbreviations), lw) !=
                                                   std::end(abbreviations));
            if (!abbreviation && (i + 1 >= text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])))) {
                ++s.sentences;
                open_sentence = false;
            }
        }
    }
    end_word();
    if (open_sentence) ++s.sentences;
    return s;
}

double flesch_kincaid_grade(const TextStats& s) {
    if (s.words == 0 || s.sentences == 0) return 0;
    return 0.39 * s.words / s.sentences + 11.8 * s.syllables / s.words - 15.59;
}

}  // namespace leafpress
