#include "text/hyphenate.hpp"

#include <hyphen.h>
#include <iconv.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <filesystem>

#include "core/c_handle.hpp"
#include "core/utf8.hpp"
#include "text/icu_module.hpp"

namespace fs = std::filesystem;

namespace leafpress::text {

namespace {

// A word in the 8-bit encoding of an older pattern file (KOI8-R for Russian, ISO 8859-1 for
// German, ...), one byte per character; nullopt when a character has no byte there.
std::optional<std::string> to_charset(std::u32string_view word, const std::string& charset) {
    iconv_t opened = iconv_open(charset.c_str(), "UTF-32LE");
    if (opened == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    const CHandle<void, iconv_close> converter(opened);
    iconv_t cd = converter.get();
    std::string out;
    out.reserve(word.size());
    bool ok = true;
    for (char32_t c : word) {
        std::uint8_t in[4] = {static_cast<std::uint8_t>(c), static_cast<std::uint8_t>(c >> 8),
                              static_cast<std::uint8_t>(c >> 16), static_cast<std::uint8_t>(c >> 24)};
        char buf[8];
        char* inp = reinterpret_cast<char*>(in);
        char* outp = buf;
        std::size_t inleft = 4, outleft = sizeof buf;
        if (iconv(cd, &inp, &inleft, &outp, &outleft) == static_cast<std::size_t>(-1) || sizeof buf - outleft != 1) {
            ok = false;
            break;
        }
        out.push_back(buf[0]);
    }
    if (!ok) return std::nullopt;
    return out;
}

std::string lower_tag(std::string_view s) {
    std::string out(s);
    std::replace(out.begin(), out.end(), '-', '_');
    return out;
}

}  // namespace

std::string find_patterns(std::string_view language, const std::string& patterns_dir) {
    std::error_code ec;
    if (!fs::is_directory(patterns_dir, ec)) return {};
    const std::string tag = lower_tag(language);  // "en_GB"
    const std::string primary = tag.substr(0, tag.find('_'));
    // The folder's pattern files, listed only when a name is not there as it is spelled.
    std::vector<std::string> names;
    bool listed = false;
    const auto list = [&] {
        if (listed) return;
        listed = true;
        for (const auto& e : fs::directory_iterator(patterns_dir, ec))
            if (e.path().extension() == ".dic") names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
    };
    const auto match = [&](const std::string& want) -> std::string {
        if (const fs::path exact = fs::path(patterns_dir) / want; fs::is_regular_file(exact, ec)) return exact.string();
        list();
        for (const auto& n : names) {
            std::string a = n, b = want;
            std::transform(a.begin(), a.end(), a.begin(), ::tolower);
            std::transform(b.begin(), b.end(), b.begin(), ::tolower);
            if (a == b) return (fs::path(patterns_dir) / n).string();
        }
        return {};
    };
    // Exact tag, then the usual region for the language, then any region.
    if (tag.find('_') != std::string::npos)
        if (auto f = match("hyph_" + tag + ".dic"); !f.empty()) return f;
    static constexpr std::pair<std::string_view, std::string_view> usual[] = {
        {"en", "en_US"}, {"es", "es_ES"}, {"pt", "pt_PT"}, {"fr", "fr_FR"}, {"de", "de_DE"},
        {"it", "it_IT"}, {"nl", "nl_NL"}, {"sv", "sv_SE"}, {"da", "da_DK"}, {"ru", "ru_RU"},
        {"pl", "pl_PL"}, {"vi", "vi_VN"}, {"no", "nb_NO"}, {"de", "de_DE"}, {"sr", "sr_RS"}};
    for (const auto& [lang, region] : usual)
        if (lang == primary)
            if (auto f = match("hyph_" + std::string(region) + ".dic"); !f.empty()) return f;
    if (auto f = match("hyph_" + primary + ".dic"); !f.empty()) return f;
    list();
    for (const auto& n : names)
        if (n.rfind("hyph_" + primary + "_", 0) == 0) return (fs::path(patterns_dir) / n).string();
    return {};
}

std::unique_ptr<Hyphenator> Hyphenator::load(std::string_view language, const std::string& patterns_dir) {
    const std::string file = find_patterns(language, patterns_dir);
    if (file.empty()) return nullptr;
    HyphenDict* dict = hnj_hyphen_load(file.c_str());
    if (!dict) return nullptr;
    std::unique_ptr<Hyphenator> h(new Hyphenator());
    h->dict_ = dict;
    h->file_ = file;
    if (!dict->utf8) {
        // The charset named on the file's first line, as iconv knows it.
        std::string cs(dict->cset, strnlen(dict->cset, sizeof dict->cset));
        while (!cs.empty() && (cs.back() == '\r' || cs.back() == '\n' || cs.back() == ' ')) cs.pop_back();
        if (cs.rfind("microsoft-", 0) == 0) cs = cs.substr(10);
        h->charset_ = cs;
    }
    return h;
}

std::vector<std::size_t> Hyphenator::points_8bit(std::u32string_view lower, HyphenMins mins) const {
    std::vector<std::size_t> out;
    const auto bytes = to_charset(lower, charset_);
    if (!bytes) return out;
    const auto n = static_cast<int>(bytes->size());
    std::vector<char> hyphens(bytes->size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed = hnj_hyphen_hyphenate2(dict_, bytes->c_str(), n, hyphens.data(), nullptr, &rep, &pos, &cut);
    if (rep) {
        for (int i = 0; i < n; ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    if (failed) return out;
    for (int p = mins.left; p <= n - mins.right; ++p)
        if ((hyphens[static_cast<std::size_t>(p - 1)] - '0') % 2 == 1) out.push_back(static_cast<std::size_t>(p));
    return out;
}

LazyHyphenator::LazyHyphenator(std::string_view language, const std::string& patterns_dir)
    : language_(language), dir_(patterns_dir), file_(find_patterns(language, patterns_dir)) {}

LazyHyphenator::LazyHyphenator(std::unique_ptr<Hyphenator> loaded) : hyphenator_(std::move(loaded)) {
    std::call_once(once_, [] {});
}

const Hyphenator* LazyHyphenator::get() const {
    std::call_once(once_, [this] {
        if (!file_.empty()) hyphenator_ = Hyphenator::load(language_, dir_);
    });
    return hyphenator_.get();
}

Hyphenator::~Hyphenator() {
    if (dict_) hnj_hyphen_free(dict_);
}

std::vector<std::size_t> Hyphenator::points(std::u32string_view word, HyphenMins mins) const {
    // A leaflet repeats its words, and a trifold's copy-fit breaks the same paragraphs at
    // several sizes: each word is looked up in the patterns once.
    std::u32string key(word);
    key.push_back(static_cast<char32_t>(mins.left));
    key.push_back(static_cast<char32_t>(mins.right));
    {
        std::lock_guard lock(memo_mutex_);
        if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    }
    auto out = compute_points(word, mins);
    std::lock_guard lock(memo_mutex_);
    if (memo_.size() < 50000) memo_.emplace(std::move(key), out);
    return out;
}

std::vector<std::size_t> Hyphenator::compute_points(std::u32string_view word, HyphenMins mins) const {
    std::vector<std::size_t> out;
    const auto n = static_cast<int>(word.size());
    if (n < mins.left + mins.right) return out;
    // Patterns are lower case: so are the words looked up in them (ICU's simple case mapping,
    // which keeps one character for one, so positions stay the same). Without the ICU module
    // (a broken installation) words are left whole.
    const Result<const Icu*>& icu = text::icu();
    if (!icu) return out;
    std::u32string lower(word);
    (*icu)->lower(lower.data(), lower.size());
    if (!charset_.empty()) return points_8bit(lower, mins);
    const std::string utf8 = utf8::encode(lower);
    std::vector<char> hyphens(utf8.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed = hnj_hyphen_hyphenate2(dict_, utf8.c_str(), static_cast<int>(utf8.size()), hyphens.data(),
                                             nullptr, &rep, &pos, &cut);
    if (rep) {
        for (std::size_t i = 0; i < utf8.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    if (failed) return out;
    // hyphens[] is indexed by byte: odd at the last byte of a character means "break after it".
    std::size_t chars = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) continue;
        // i starts character `chars`; find its last byte.
        std::size_t last = i;
        while (last + 1 < utf8.size() && (static_cast<unsigned char>(utf8[last + 1]) & 0xC0) == 0x80) ++last;
        ++chars;
        if ((hyphens[last] - '0') % 2 == 1) {
            const auto p = static_cast<int>(chars);
            if (p >= mins.left && n - p >= mins.right) out.push_back(chars);
        }
    }
    return out;
}

}  // namespace leafpress::text
