#include <sstream>

#include "core/utf8.hpp"
#include "model/page.hpp"

namespace leafpress {

namespace {

const char* role_name(Role r) {
    switch (r) {
        case Role::Title: return "title";
        case Role::Subtitle: return "subtitle";
        case Role::Condition: return "condition";
        case Role::Summary: return "summary";
        case Role::Heading: return "heading";
        case Role::Subheading: return "subheading";
        case Role::Figure: return "figure";
        case Role::Caption: return "caption";
        case Role::TableHeader: return "table-header";
        case Role::TableCell: return "table-cell";
        case Role::Paragraph: return "paragraph";
        case Role::ListItem: return "list-item";
        case Role::ListMarker: return "list-marker";
        case Role::Callout: return "callout";
        case Role::Quote: return "quote";
        case Role::Header: return "header";
        case Role::Footer: return "footer";
        case Role::CallToAction: return "call-to-action";
        case Role::Disclaimer: return "disclaimer";
        case Role::Reviewed: return "reviewed";
        case Role::Signature: return "signature";
        case Role::Decoration: return "decoration";
        case Role::LanguageHelp: return "language-help";
    }
    return "?";
}

std::string p(Pt v) {
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(1);
    o << v.value();
    return o.str();
}

std::string ref(const ElementRef& r) {
    std::string s = role_name(r.role);
    if (r.section >= 0) s += " s" + std::to_string(r.section);
    if (r.block >= 0) s += " b" + std::to_string(r.block);
    if (r.meaning == Meaning::PhoneNumber) s += " phone";
    if (r.figure >= 0) s += " figure" + std::to_string(r.figure);
    if (r.row >= 0) s += " r" + std::to_string(r.row) + "c" + std::to_string(r.column);
    return s;
}

}  // namespace

std::string dump(const LaidOut& doc) {
    std::ostringstream o;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const Page& pg = doc.pages[i];
        o << "page " << i + 1 << " " << p(pg.size.width) << "x" << p(pg.size.height) << "\n";
        for (const auto& item : pg.items) {
            std::visit(
                [&](const auto& it) {
                    using T = std::decay_t<decltype(it)>;
                    if constexpr (std::is_same_v<T, GlyphRun>) {
                        const std::u32string& text = it.text;
                        const Pt x = it.origin.x + (it.glyphs.empty() ? Pt(0) : it.glyphs.front().x());
                        o << "  text " << p(x) << "," << p(it.origin.y) << " " << it.face->postscript_name() << " "
                          << p(it.size) << " [" << ref(it.source) << "] \"" << utf8::encode(text) << "\"";
                        if (!it.language.empty()) o << " lang=" << it.language;
                        o << "\n";
                    } else if constexpr (std::is_same_v<T, Rule>) {
                        o << "  rule " << p(it.from.x) << "," << p(it.from.y) << " " << p(it.to.x) << "," << p(it.to.y)
                          << " [" << ref(it.source) << "]\n";
                    } else if constexpr (std::is_same_v<T, Box>) {
                        o << "  box " << p(it.rect.x) << "," << p(it.rect.y) << " " << p(it.rect.width) << "x"
                          << p(it.rect.height) << " [" << ref(it.source) << "]\n";
                    } else if constexpr (std::is_same_v<T, Image>) {
                        o << "  image " << p(it.rect.x) << "," << p(it.rect.y) << " " << p(it.rect.width) << "x"
                          << p(it.rect.height) << " " << it.path << "\n";
                    } else if constexpr (std::is_same_v<T, CellGrid>) {
                        int filled = 0;
                        for (auto f : it.filled) filled += f != 0;
                        o << "  cells " << p(it.rect.x) << "," << p(it.rect.y) << " " << p(it.rect.width) << "x"
                          << p(it.rect.height) << " " << it.columns << "x" << it.rows << " (" << filled << " filled) ["
                          << ref(it.source) << "]\n";
                    } else if constexpr (std::is_same_v<T, Link>) {
                        o << "  link " << p(it.rect.x) << "," << p(it.rect.y) << " " << p(it.rect.width) << "x"
                          << p(it.rect.height) << " " << it.uri << "\n";
                    }
                },
                item);
        }
    }
    return o.str();
}

}  // namespace leafpress
