// Line pitch: a line box holds what its line reaches (the faces it uses, the ink it sets), so
// that no line's ink lands on the next; a Latin line keeps the layout's line height exactly.
#include <catch2/catch.hpp>

#include "layout/blocks.hpp"
#include "support.hpp"
#include "system_fonts.hpp"
#include "text/shape.hpp"

using namespace leafpress;

namespace {

struct Fonts {
    Diagnostics setup;
    text::FontLibrary lib = text::FontLibrary::scan(test::fonts_dir(), setup);
    text::FontChain chain = *text::resolve_fonts("Noto Sans", {"Noto Sans Arabic"}, lib, {}, setup);
};
Fonts& fonts() {
    static Fonts f;
    return f;
}

std::vector<LineBox> set(const std::string& text, const std::string& lang, Pt size, double leading,
                         Pt width = Pt(220)) {
    text::ParagraphStyle style;
    style.size = size;
    style.hyphenation = Hyphenation::Off;
    style.language = Language::parse(lang);
    text::TextContext ctx{fonts().chain, nullptr, {"p.toml", 1, 1}};
    Diagnostics d;
    return typeset({{text, FontStyle::Regular, {}, {}}}, style, width, Pt(0), size * leading, ctx, {Role::Paragraph},
                   d);
}

struct Ink {
    double x0, x1, top, bottom;  // on the page, y downwards
};

// Each line's glyphs' ink, the lines stacked from y = 0 as the flow stacks them.
std::vector<std::vector<Ink>> ink_by_line(const std::vector<LineBox>& lines) {
    std::vector<std::vector<Ink>> out;
    Pt y{0};
    for (const auto& line : lines) {
        auto& inks = out.emplace_back();
        for (const auto& item : line.items) {
            const auto* run = std::get_if<GlyphRun>(&item);
            if (!run) continue;
            for (const auto& g : run->glyphs) {
                const auto ink = text::glyph_ink(*run->face, g.gid, run->size);
                if (ink.empty) continue;
                const Pt x = run->origin.x + g.x(), base = y + run->origin.y - g.y_offset();
                inks.push_back({(x + ink.left).value(), (x + ink.right).value(), (base - ink.top).value(),
                                (base - ink.bottom).value()});
            }
        }
        y += line.height;
    }
    return out;
}

// Pairs of glyphs of consecutive lines whose ink boxes overlap.
int collisions(const std::vector<LineBox>& lines) {
    const auto inks = ink_by_line(lines);
    int n = 0;
    for (std::size_t l = 0; l + 1 < inks.size(); ++l)
        for (const auto& a : inks[l])
            for (const auto& b : inks[l + 1])
                if (std::min(a.x1, b.x1) > std::max(a.x0, b.x0) &&
                    std::min(a.bottom, b.bottom) > std::max(a.top, b.top))
                    ++n;
    return n;
}

const std::string kBurmese =
    "ကျန်းမာရေး စောင့်ရှောက်မှု ဌာနသို့ ဖုန်းဆက်ပါ။ ဆေးဝါးများကို ဆရာဝန်၏ ညွှန်ကြားချက်အတိုင်း မှန်မှန် သောက်သုံးပါ။ "
    "ပင်မဆဲလ် ကုထုံးသည် ပျက်စီးနေသော တစ်ရှူးများကို ပြုပြင်ရန် ခန္ဓာကိုယ်၏ ကိုယ်ပိုင်ဆဲလ်များကို အသုံးပြုသည်။ "
    "ဆေးမှတ်တမ်းများကို လျှို့ဝှက်စွာ ထိန်းသိမ်းထားပါသည်။ ကုသမှုအပြီး ရက်သတ္တပတ်အနည်းငယ်ကြာ အနားယူပါ။";

}  // namespace

TEST_CASE("a Burmese paragraph's lines are pitched so that no line's ink lands on the next",
          "[layout][pitch][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Myanmar", "fonts-noto-core"}});
    for (const double leading : {1.3, 1.45, 1.6}) {
        CAPTURE(leading);
        const auto lines = set(kBurmese, "my", Pt(12), leading);
        REQUIRE(lines.size() >= 4);
        CHECK(collisions(lines) == 0);
        // Each line's box holds its ink, and the paragraph's lines keep one pitch.
        const auto inks = ink_by_line(lines);
        Pt y{0};
        for (std::size_t l = 0; l < lines.size(); ++l) {
            for (const auto& i : inks[l]) {
                CHECK(i.top >= y.value() - 0.01);
                CHECK(i.bottom <= (y + lines[l].height).value() + 0.01);
            }
            CHECK(lines[l].height.value() == Approx(lines.front().height.value()));
            y += lines[l].height;
        }
    }
}

TEST_CASE("Devanagari, Bengali and Tamil lines with marks above and below do not ink into each other",
          "[layout][pitch][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Devanagari", "fonts-noto-core"},
                                {"Noto Sans Bengali", "fonts-noto-core"},
                                {"Noto Sans Tamil", "fonts-noto-core"}});
    const std::pair<const char*, const char*> texts[] = {
        {"hi",
         "कीर्तिं, धैर्य और पर्यवेक्षण के बाद डॉक्टर सलाह देंगे। मैं, हूँ, कैं, र्धं, हिंदी, स्वप्रतिरक्षित रोगों के "
         "लिए स्टेम सेल चिकित्सा में कोशिकाएँ क्षतिग्रस्त ऊतकों की मरम्मत करती हैं।"},
        {"bn",
         "আপনার ডাক্তার তাঁর পর্যবেক্ষণের পর এই চিকিৎসার পরামর্শ দিতে পারেন। সূর্যের আলোয় বেশিক্ষণ থাকবেন না, আর জ্বর "
         "হলে চাঁদপুরের কর্মীদের সঙ্গে যোগাযোগ করুন।"},
        {"ta",
         "முடக்கு வாதம் மற்றும் தன்னுடல் தாக்கு நோய்களுக்கான குருத்தணு சிகிச்சை: நோயாளிகள் தெரிந்துகொள்ள "
         "வேண்டியவை"},
    };
    for (const auto& [lang, text] : texts) {
        CAPTURE(lang);
        for (const double leading : {1.15, 1.3}) {
            CAPTURE(leading);
            const auto lines = set(text, lang, Pt(20), leading, Pt(260));
            REQUIRE(lines.size() >= 2);
            CHECK(collisions(lines) == 0);
        }
    }
}

TEST_CASE(
    "a Latin paragraph keeps the layout's line height and baseline exactly, accents, descenders and symbols included",
    "[layout][pitch][system-fonts]") {
    test::require_system_fonts({{"Noto Sans Math", "fonts-noto-core"}});
    // A symbol from a symbol face (≥ from Noto Sans Math, whose descender is deeper than Noto
    // Sans's) gets room for its ink, not for its face's extents.
    const std::string latin =
        "Émile's Åland: quickly jumping gypsy ÉÈÊ Ångström, équipe, façade, naïve, Øresund; "
        "Quiz: jog, pyjama, query, glyph ≥ 38 °C. ÂÇÑ ÿ ğ ş Ž ĳ Ł.";
    for (const double leading : {1.0, 1.15, 1.25, 1.3, 1.45, 1.6}) {
        CAPTURE(leading);
        for (const Pt size : {Pt(11), Pt(12), Pt(28)}) {
            const auto lines = set(latin, "en", size, leading, size * 18.0);
            REQUIRE(lines.size() >= 2);
            const Pt baseline = baseline_in(fonts().chain.primary(FontStyle::Regular), size, size * leading);
            for (const auto& l : lines) {
                CHECK(l.height.value() == (size * leading).value());
                CHECK(l.baseline.value() == baseline.value());
            }
        }
    }
}
