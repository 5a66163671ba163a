// Small golden cases for the text stage, in libraqm's manner: one input per file in
// tests/data/shaping/*.test, each naming its fonts by file and XXH3 hash, and below the input
// the dump of every stage (itemize, shape, set). See tests/data/shaping/README.md.
#include <catch2/catch.hpp>

#include <fontconfig/fontconfig.h>
#include <xxhash.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/utf8.hpp"
#include "golden.hpp"
#include "support.hpp"
#include "text/itemize.hpp"
#include "text/paragraph.hpp"
#include "text/script.hpp"
#include "text_golden.hpp"

using namespace leafpress;
using namespace leafpress::text;
namespace golden = leafpress::test::golden;
namespace fs = std::filesystem;

namespace {

// A file's XXH3-64, as "xxh3:" and 16 hex digits; "" when it cannot be read.
std::string file_hash(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
    return std::string("xxh3:") + hex;
}

// Whether fontconfig lists the file: the system fallback finds only the fonts it lists.
// (A configuration of its own, destroyed after: fontconfig's default one is never freed, and
// LeakSanitizer reports part of it.)
bool fontconfig_has(const std::string& path) {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return false;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(path.c_str()));
    FcObjectSet* objects = FcObjectSetBuild(FC_FILE, nullptr);
    FcFontSet* fonts = FcFontList(config, pattern, objects);
    const bool found = fonts && fonts->nfont > 0;
    if (fonts) FcFontSetDestroy(fonts);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return found;
}

// Why the case cannot run on this machine (a system file missing or not the one pinned), or ""
// when it can. A repository font that differs from its pin fails the test: the case must be
// looked at again.
std::string check_pins(const golden::Case& c) {
    for (const auto& pin : c.pins) {
        const std::string path = golden::resolve(pin.path);
        const std::string have = file_hash(path);
        if (have == pin.hash && (!pin.system || pin.path.starts_with("/usr/share/hyphen/") || fontconfig_has(path)))
            continue;
        if (have == pin.hash)
            return pin.path + " is not among fontconfig's fonts (scripts/install-deps.sh installs " + pin.package + ")";
        const std::string what = have.empty() ? "is missing" : "has hash " + have + ", not " + pin.hash;
        if (!pin.system) {
            FAIL_CHECK(c.file << ": the repository's " << pin.path << " " << what
                              << ": look at the dump again and pin the new file");
            return "its repository font changed (a failure, above)";
        }
        return pin.path + " " + what + " (scripts/install-deps.sh installs " + pin.package + ")";
    }
    return "";
}

struct Run {
    std::size_t start = 0, end = 0;
};

// Maximal stretches of characters with one StyledRun, level, face and script.
std::vector<Run> items(const Itemized& it) {
    std::vector<Run> out;
    for (std::size_t i = 0; i < it.text.size(); ++i) {
        if (!out.empty() && it.run[i] == it.run[i - 1] && it.level[i] == it.level[i - 1] &&
            it.face[i] == it.face[i - 1] && it.script[i] == it.script[i - 1])
            out.back().end = i + 1;
        else
            out.push_back({i, i + 1});
    }
    return out;
}

std::string face_name(const Face* f) {
    if (!f) return "(none)";
    static const char* styles[] = {"Regular", "Italic", "Bold", "BoldItalic"};
    return f->family() + " " + styles[static_cast<int>(f->style())];
}

std::string dump_itemize(const Itemized& it, const golden::Case& c, std::set<const Face*>& used) {
    std::string out = "itemize: " + std::to_string(it.text.size()) + " characters, paragraph " +
                      (it.direction == Direction::RightToLeft ? "rtl" : "ltr") + "\n";
    for (const auto& r : items(it)) {
        const auto& styled = c.runs[static_cast<std::size_t>(it.run[r.start])];
        const int level = it.level[r.start];
        out += golden::format("  [%zu,%zu) %s level %d %s lang %s run %d face %s \"", r.start, r.end,
                              script_name(it.script[r.start]).c_str(), level, level % 2 ? "rtl" : "ltr",
                              (styled.language.empty() ? c.language : styled.language).c_str(), it.run[r.start],
                              face_name(it.face[r.start]).c_str());
        out += golden::visible(it.text.substr(r.start, r.end - r.start)) + "\"\n";
        if (it.face[r.start]) used.insert(it.face[r.start]);
    }
    // Break opportunities: "|" where a line may end, "¶" where it must.
    out += "  breaks: ";
    for (std::size_t i = 0; i < it.text.size(); ++i) {
        out += golden::visible(it.text.substr(i, 1));
        if (it.breaks[i] == BreakAfter::Allow) out += "|";
        if (it.breaks[i] == BreakAfter::Must) out += "¶";
    }
    return out + "\n";
}

// Each item shaped alone at the face's em size, so advances and offsets are in font units.
std::string dump_shape(const Itemized& it, const golden::Case& c) {
    std::string out = "shape: glyph id, cluster, x advance and offsets in font units\n";
    for (const auto& r : items(it)) {
        const Face* face = it.face[r.start];
        if (!face) continue;
        const auto& styled = c.runs[static_cast<std::size_t>(it.run[r.start])];
        const Direction dir = it.level[r.start] % 2 ? Direction::RightToLeft : Direction::LeftToRight;
        const std::string lang = styled.language.empty() ? c.language : styled.language;
        const auto glyphs =
            shape({it.text, r.start, r.end - r.start, face, Pt(face->units_per_em()), dir, lang, it.script[r.start]});
        out += golden::format("  [%zu,%zu)", r.start, r.end);
        for (const auto& g : glyphs) {
            out += golden::format(" %u@%u+%.0f", g.gid, g.cluster, g.advance.value());
            if (g.x_offset.value() != 0 || g.y_offset.value() != 0)
                out += golden::format("(%.0f,%.0f)", g.x_offset.value(), g.y_offset.value());
        }
        out += "\n";
    }
    return out;
}

std::string dump_set(const SetParagraph& p, const golden::Case& c, const Diagnostics& diags,
                     std::set<const Face*>& used) {
    std::string out =
        golden::format("set: width %.2f size %.2f, %zu lines, %s%s\n", c.width, c.size, p.lines.size(),
                       p.direction == Direction::RightToLeft ? "rtl" : "ltr", p.split_words ? ", words split" : "");
    for (std::size_t l = 0; l < p.lines.size(); ++l) {
        const Line& line = p.lines[l];
        std::u32string text;
        for (const auto& run : line.runs)
            for (const auto& g : run.glyphs) text += g.kind == GlyphKind::Hyphen ? U"-" : g.text;
        out +=
            golden::format("  line %zu width %.2f%s \"", l, line.width.value(), line.hyphenated ? " hyphenated" : "");
        out += golden::visible(text) + "\"\n";
        for (const auto& run : line.runs) {
            out += golden::format("    run %d %s %.2f..%.2f:", run.source, face_name(run.face).c_str(),
                                  run.left.value(), run.right.value());
            for (const auto& g : run.glyphs)
                out += golden::format(" %u@%.2f%s", g.gid, g.x.value(), g.kind == GlyphKind::Hyphen ? "h" : "");
            out += "\n";
            if (run.face) used.insert(run.face);
        }
    }
    for (const auto& d : diags.all()) out += "  " + d.code + ": " + d.message + "\n";
    return out;
}

// The faces the case used that it does not pin: a dump that depends on them is not pinned.
std::string unpinned(const std::set<const Face*>& used, const golden::Case& c) {
    std::string out;
    for (const Face* f : used) {
        const bool pinned = std::any_of(c.pins.begin(), c.pins.end(), [&](const golden::Pin& p) {
            return fs::weakly_canonical(golden::resolve(p.path)) == fs::weakly_canonical(f->path());
        });
        if (!pinned) out += (out.empty() ? "" : ", ") + f->path();
    }
    return out;
}

std::string run_case(const golden::Case& c, std::string& why_not) {
    Diagnostics setup;
    const bool system = std::any_of(c.pins.begin(), c.pins.end(), [](const golden::Pin& p) { return p.system; });
    const FontLibrary lib =
        FontLibrary::scan(test::fonts_dir(), setup, system ? FontLibrary::System::Search : FontLibrary::System::Ignore);
    const auto chain = resolve_fonts(c.family, c.fallback, lib, {}, setup);
    REQUIRE(chain);
    std::unique_ptr<LazyHyphenator> hyph;
    if (!c.patterns.empty()) {
        hyph = std::make_unique<LazyHyphenator>(c.language, fs::path(c.patterns).parent_path().string());
        if (hyph->file() != c.patterns) {
            why_not = "the " + c.language + " hyphenation patterns are " + hyph->file() + ", not " + c.patterns;
            return "";
        }
    }
    ParagraphStyle style;
    style.size = Pt(c.size);
    style.align = c.align;
    style.hyphenation = c.patterns.empty() ? Hyphenation::Off : Hyphenation::On;
    style.language = Language::parse(c.language);
    style.direction = c.direction;
    const TextContext context{*chain, hyph.get(), {"case.toml", 1, 1}};

    std::set<const Face*> used;
    Diagnostics item_diags, set_diags;
    const Itemized it = itemize(c.runs, style, context, item_diags);
    std::string out = dump_itemize(it, c, used) + dump_shape(it, c);
    const SetParagraph p = set_paragraph(c.runs, style, Pt(c.width), context, set_diags);
    out += dump_set(p, c, set_diags, used);
    if (const std::string u = unpinned(used, c); !u.empty()) FAIL_CHECK(c.file << " uses fonts it does not pin: " << u);
    return out;
}

}  // namespace

TEST_CASE("golden: each small text case's itemize, shape and set dumps", "[golden][text-golden][itemize]") {
    const std::string dir = test::data_dir() + "/shaping";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".test") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 20);
    int skipped = 0;
    for (const auto& file : files) {
        const golden::Case c = golden::parse(file.string());
        CAPTURE(c.file);
        REQUIRE_FALSE(c.runs.empty());
        REQUIRE_FALSE(c.pins.empty());
        std::string why_not = check_pins(c);
        const std::string got = why_not.empty() ? run_case(c, why_not) : "";
        if (!why_not.empty()) {
            WARN("SKIPPED " << file.filename().string() << ": " << why_not);
            ++skipped;
            continue;
        }
        test::check_golden(c.file, c.expected, got, [&] { golden::write(c, got); });
    }
    if (skipped)
        WARN(skipped << " of " << files.size()
                     << " text golden cases skipped: their system fonts are not the pinned ones");
}
