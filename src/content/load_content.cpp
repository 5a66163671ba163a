#include "content/load_content.hpp"

#include <regex>

#include "content/markup.hpp"
#include "content/toml_source.hpp"

namespace leafpress {

namespace {

const std::initializer_list<std::string_view> kDocumentKeys = {
    "title", "subtitle", "condition", "language", "reviewed", "summary", "section"};
const std::initializer_list<std::string_view> kSectionKeys = {"heading", "kind", "body"};

// Where a string value's first character is: after the opening quotes and, for a
// multi-line string, after the newline that TOML trims.
TextOrigin body_origin(const std::string& text, const std::string& path, const toml::source_region& src) {
    TextOrigin o{path, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)};
    // Find the byte offset of the value's start.
    std::size_t off = 0;
    for (int line = 1; line < o.line && off < text.size(); ++line) {
        off = text.find('\n', off);
        if (off == std::string::npos) return o;
        ++off;
    }
    int col = 1;
    while (col < o.column && off < text.size()) {
        if ((static_cast<unsigned char>(text[off]) & 0xC0) != 0x80) ++col;
        ++off;
        while (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) ++off;
    }
    const std::string_view rest = std::string_view(text).substr(std::min(off, text.size()));
    if (rest.starts_with("\"\"\"") || rest.starts_with("'''")) {
        std::size_t p = 3;
        if (rest.substr(p).starts_with("\r\n")) { return {path, o.line + 1, 1}; }
        if (rest.substr(p).starts_with("\n")) { return {path, o.line + 1, 1}; }
        return {path, o.line, o.column + 3};
    }
    if (rest.starts_with("\"") || rest.starts_with("'")) return {path, o.line, o.column + 1};
    return o;
}

std::optional<SectionKind> parse_kind(std::string_view s) {
    if (s == "text") return SectionKind::Text;
    if (s == "callout") return SectionKind::Callout;
    if (s == "quote") return SectionKind::Quote;
    return std::nullopt;
}

void load_section(const toml::table& t, int index, const std::string& text, const std::string& path,
                  Document& doc, Diagnostics& diags) {
    TomlFields f(t, path, "section " + std::to_string(index), diags);
    f.warn_unknown(kSectionKeys);
    Section s;
    s.where = f.table_pos();
    s.heading = f.string("heading", Requirement::Optional).value_or("");
    if (auto kind = f.string("kind", Requirement::Optional)) {
        if (auto k = parse_kind(*kind)) {
            s.kind = *k;
        } else {
            std::string msg = "unknown section kind '" + *kind + "'";
            const std::string near = nearest(*kind, {"text", "callout", "quote"});
            if (!near.empty()) msg += "; did you mean '" + near + "'?";
            diags.error("content.kind", f.value_pos("kind"), msg, "kind is one of \"text\", \"callout\", \"quote\"");
        }
    }
    if (auto body = f.string("body", Requirement::Required)) {
        const auto* node = t.get("body");
        s.blocks = parse_markup(*body, body_origin(text, path, node->source()), diags);
        if (s.blocks.empty())
            diags.warning("content.empty-section", f.value_pos("body"), "section " + std::to_string(index) + " has no text");
    }
    doc.sections.push_back(std::move(s));
}

}  // namespace

std::optional<Document> load_content_text(const std::string& text, const std::string& path, Diagnostics& diags) {
    auto table = parse_toml(text, path, diags);
    if (!table) return std::nullopt;

    Document doc;
    doc.source_file = path;
    TomlFields f(*table, path, "", diags);
    f.warn_unknown(kDocumentKeys);
    doc.title = f.string("title", Requirement::Required).value_or("");
    doc.title_pos = f.value_pos("title");
    doc.subtitle = f.string("subtitle", Requirement::Optional).value_or("");
    doc.condition = f.string("condition", Requirement::Optional).value_or("");
    doc.summary = f.string("summary", Requirement::Optional).value_or("");
    if (auto lang = f.string("language", Requirement::Optional)) {
        static const std::regex bcp47("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
        if (std::regex_match(*lang, bcp47)) {
            doc.language = *lang;
        } else {
            diags.error("content.language", f.value_pos("language"), "'" + *lang + "' is not a BCP 47 language tag",
                        "use a tag such as \"en\", \"es\", \"ar\" or \"en-GB\"");
        }
    }
    doc.reviewed = f.date("reviewed", Requirement::Optional);

    if (const toml::node* sections = table->get("section")) {
        const auto* arr = sections->as_array();
        if (!arr || !arr->is_array_of_tables()) {
            diags.error("input.type", position(path, sections->source()),
                        "'section' must be an array of tables", "start each section with a line [[section]]");
        } else {
            int index = 1;
            for (const auto& node : *arr) load_section(*node.as_table(), index++, text, path, doc, diags);
        }
    }
    if (doc.sections.empty() && !diags.has_errors()) {
        diags.error("content.no-sections", {path, 1, 1}, "the leaflet has no sections",
                    "add at least one [[section]] with a body");
    }
    return doc;
}

std::optional<Document> load_content(const std::string& path, Diagnostics& diags) {
    auto text = read_text_file(path, diags);
    if (!text) return std::nullopt;
    return load_content_text(*text, path, diags);
}

}  // namespace leafpress
