// Reading ease of English text: the Flesch–Kincaid grade level.
#pragma once
#include <string_view>

namespace leafpress {

struct TextStats {
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    TextStats& operator+=(const TextStats& o) {
        sentences += o.sentences;
        words += o.words;
        syllables += o.syllables;
        return *this;
    }
};

// Counts sentences, words and syllables. A block of text always ends a sentence, so pass
// each paragraph or list item separately and add the results.
TextStats text_stats(std::string_view text);

// Syllables of one English word, by vowel groups with the usual corrections.
int syllables(std::string_view word);

// 0.39 × words/sentences + 11.8 × syllables/words − 15.59; 0 for no words.
double flesch_kincaid_grade(const TextStats& s);

}  // namespace leafpress
