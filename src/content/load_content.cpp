#include "content/load_content.hpp"

#include <algorithm>
#include <filesystem>

#include "core/utf8.hpp"
#include "content/markup.hpp"
#include "content/string_source.hpp"
#include "content/toml_source.hpp"
#include "core/files.hpp"
#include "core/language.hpp"
#include "core/limits.hpp"

namespace leafpress {

namespace {

const std::initializer_list<std::string_view> kDocumentKeys = {"title",    "subtitle",    "condition", "language",
                                                               "reviewed", "summary",     "section",   "code",
                                                               "version",  "next_review", "references"};
const std::initializer_list<std::string_view> kSectionKeys = {"heading", "kind", "body"};

std::optional<SectionKind> parse_kind(std::string_view s) {
    if (s == "text") return SectionKind::Text;
    if (s == "callout") return SectionKind::Callout;
    if (s == "quote") return SectionKind::Quote;
    return std::nullopt;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Anchors for the characters of a string value, through its escapes.
std::vector<TextAnchor> anchors_of(const toml::table& t, std::string_view key, const std::string& text,
                                   const LineIndex& lines, const std::string& path) {
    const toml::node* n = t.get(key);
    if (!n || !n->is_string()) return {};
    const auto& b = n->source().begin;
    const int line = static_cast<int>(b.line), column = static_cast<int>(b.column);
    return StringSource::toml_value(path, text, lines.offset(line, column), line, column).anchors();
}

const char* const kSmallerPictures =
    "make the pictures smaller: 2,000 pixels across prints sharp 17 cm wide, and a leaflet needs no more";

// A figure's picture, next to the content file, decoded now; its alternative text is required.
void load_figure(Block& block, const std::string& content_path, ImageLoading images, PictureStore& pictures,
                 Diagnostics& diags) {
    FigureSource& f = block.figure;
    if (f.alt.find_first_not_of(" \t") == std::string::npos)
        diags.error("content.figure-alt", block.where, "the figure '" + f.src + "' has no alternative text",
                    "describe what it shows for those who cannot see it: ![what it shows](" + f.src + ")");
    if (f.src.find("://") != std::string::npos || f.src.empty()) {
        diags.error("content.figure", block.where, "a figure is a PNG or JPEG file next to the content file",
                    "copy the picture next to the leaflet and give its file name");
        return;
    }
    const std::string folder = std::filesystem::path(content_path).parent_path().string();
    const InsidePath inside = path_inside(folder, f.src);
    if (!inside.problem.empty()) {
        diags.error("content.figure", block.where,
                    "the figure '" + f.src + "' is outside the leaflet's folder: " + inside.problem,
                    "put the picture in the leaflet's folder or a folder inside it, and give its path from there, "
                    "such as pictures/knee.png");
        return;
    }
    f.path = (std::filesystem::path(content_path).parent_path() / f.src).string();
    if (images == ImageLoading::Locate) return;
    LoadedImage img = pictures.load(inside.path);
    if (!img.raster) {
        diags.error("content.figure", block.where, "the figure '" + f.src + "' cannot be used: " + img.problem,
                    img.over_budget ? kSmallerPictures
                                    : "a figure is a PNG or JPEG file, its path relative to the content file");
        return;
    }
    f.image = std::move(img.raster);
}

// A section key that was meant as its heading: a misspelling of "heading", or a word for one.
bool meant_as_heading(std::string_view key) {
    std::string k(key);
    std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
    std::erase_if(k, [](char c) { return c == '_' || c == '-' || c == ' '; });
    static const std::initializer_list<std::string_view> words = {
        "header",  "headers",    "headings",       "headline",     "head",        "title",  "name",
        "caption", "subheading", "sectionheading", "sectiontitle", "sectionname", "heding", "heaing"};
    if (std::find(words.begin(), words.end(), k) != words.end()) return true;
    return !nearest(k, {"heading"}).empty();
}

// Unknown keys that were meant as the section's heading are errors: the section would build
// without the heading its writer gave it.
void refuse_heading_misspellings(const toml::table& t, int index, TomlFields& f, Diagnostics& diags) {
    for (auto&& [k, v] : t) {
        const std::string_view name = k.str();
        if (std::find(kSectionKeys.begin(), kSectionKeys.end(), name) != kSectionKeys.end() || !meant_as_heading(name))
            continue;
        const std::string shown = utf8::shortened(name, 40, "");
        std::string hint = "a section's heading is written heading = \"...\"";
        if (const auto* s = v.as_string()) hint = "write it as heading = \"" + utf8::shortened(s->get(), 60, "") + "\"";
        diags.error("content.heading-key", f.key_pos(name),
                    "unknown key '" + shown + "' in section " + std::to_string(index) + "; did you mean heading?" +
                        (t.get("heading") ? "" : " The section would have no heading"),
                    hint);
        f.reported(name);
    }
}

void load_section(const toml::table& t, int index, const std::string& text, const LineIndex& lines,
                  const std::string& path, ImageLoading images, PictureStore& pictures, Document& doc,
                  Diagnostics& diags) {
    TomlFields f(t, path, "section " + std::to_string(index), diags);
    refuse_heading_misspellings(t, index, f, diags);
    f.warn_unknown(kSectionKeys);
    Section s;
    s.where = f.table_pos();
    s.heading = f.string("heading", Requirement::Optional).value_or("");
    s.heading_anchors = anchors_of(t, "heading", text, lines, path);
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
        const auto& b = t.get("body")->source().begin;
        const int line = static_cast<int>(b.line), column = static_cast<int>(b.column);
        const auto source = StringSource::toml_value(path, text, lines.offset(line, column), line, column);
        s.blocks = parse_markup(*body, source, diags);
        for (auto& block : s.blocks)
            if (block.kind == BlockKind::Figure) load_figure(block, path, images, pictures, diags);
        for (const auto& block : s.blocks) {
            std::size_t chars = 0;
            for (const auto& span : block.spans) chars += code_points(span.text);
            if (chars > limits::kParagraphChars)
                diags.error("content.too-long", block.where,
                            "a paragraph of " + std::to_string(chars) + " characters; at most " +
                                std::to_string(limits::kParagraphChars) + " are allowed",
                            "split it into paragraphs with blank lines");
        }
        if (s.blocks.empty())
            diags.warning("content.empty-section", f.value_pos("body"),
                          "section " + std::to_string(index) + " has no text");
    }
    doc.sections.push_back(std::move(s));
}

}  // namespace

std::vector<std::string> figure_files(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (b.kind == BlockKind::Figure && !b.figure.path.empty()) out.push_back(b.figure.path);
    return out;
}

std::optional<Document> load_content_text(const std::string& text, const std::string& path, Diagnostics& diags,
                                          ImageLoading images, PictureStore* store, const Translations* translations) {
    PictureStore own;
    PictureStore& pictures = store ? *store : own;
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
    doc.language_pos = table->get("language") ? f.value_pos("language") : doc.title_pos;
    if (auto lang = f.string("language", Requirement::Optional)) {
        if (is_language_tag(*lang)) {
            doc.language = Language::parse(*lang);
        } else {
            const std::string shown = utf8::shortened(*lang, 43);
            diags.error("content.language", f.value_pos("language"), "'" + shown + "' is not a BCP 47 language tag",
                        "use a tag such as \"en\", \"es\", \"ar\" or \"en-GB\"");
        }
    }
    doc.reviewed = f.date("reviewed", Requirement::Optional);
    doc.reviewed_pos = table->get("reviewed") ? f.value_pos("reviewed") : doc.title_pos;
    doc.next_review = f.date("next_review", Requirement::Optional);
    doc.next_review_pos = table->get("next_review") ? f.value_pos("next_review") : doc.reviewed_pos;
    if (doc.next_review && doc.reviewed && *doc.next_review <= *doc.reviewed)
        diags.error("content.next-review", doc.next_review_pos,
                    "next_review " + to_iso(*doc.next_review) + " is not after reviewed " + to_iso(*doc.reviewed));
    doc.code = f.string("code", Requirement::Optional).value_or("");
    doc.version = f.string("version", Requirement::Optional).value_or("");
    const LineIndex lines(text);
    std::vector<Block> references;  // the sources, as numbered list items
    if (const auto* refs = f.array("references", Requirement::Optional)) {
        int number = 1;
        for (const auto& n : *refs) {
            const auto* str = n.as_string();
            if (!str) {
                diags.error("input.type", position(path, n.source()), "each reference is a string",
                            "references = [\"Author. Title. Journal, year.\", \"https://...\"]");
                continue;
            }
            const auto& b = n.source().begin;
            const int line = static_cast<int>(b.line), column = static_cast<int>(b.column);
            const auto source = StringSource::toml_value(path, text, lines.offset(line, column), line, column);
            // A reference is one item of a numbered list: its markup (links, emphasis) is kept.
            std::vector<Span> spans;
            for (auto& block : parse_markup(str->get(), source, diags))
                for (auto& s : block.spans) spans.push_back(std::move(s));
            if (spans.empty()) continue;
            Block item;
            item.kind = BlockKind::ListItem;
            item.list = ListKind::Numbered;
            item.number = number++;
            item.spans = std::move(spans);
            item.where = source.at(0);
            references.push_back(std::move(item));
        }
    }
    doc.title_anchors = anchors_of(*table, "title", text, lines, path);
    doc.subtitle_anchors = anchors_of(*table, "subtitle", text, lines, path);
    doc.condition_anchors = anchors_of(*table, "condition", text, lines, path);
    doc.summary_anchors = anchors_of(*table, "summary", text, lines, path);

    if (const toml::node* sections = table->get("section")) {
        const auto* arr = sections->as_array();
        if (!arr || !arr->is_array_of_tables()) {
            diags.error("input.type", position(path, sections->source()), "'section' must be an array of tables",
                        "start each section with a line [[section]]");
        } else {
            int index = 1;
            std::size_t blocks = 0;
            for (const auto& node : *arr) {
                if (index > limits::kSections) {
                    diags.error("content.too-many-sections", position(path, node.source()),
                                "more than " + std::to_string(limits::kSections) + " sections",
                                "a leaflet this long is several leaflets");
                    break;
                }
                load_section(*node.as_table(), index++, text, lines, path, images, pictures, doc, diags);
                blocks += doc.sections.back().blocks.size();
                if (blocks > limits::kBlocks) {
                    diags.error("content.too-many-sections", position(path, node.source()),
                                "more than " + std::to_string(limits::kBlocks) + " paragraphs and list items",
                                "a leaflet this long is several leaflets");
                    break;
                }
            }
        }
    }
    if (doc.sections.empty() && !diags.has_errors()) {
        diags.error("content.no-sections", {path, 1, 1}, "the leaflet has no sections",
                    "add at least one [[section]] with a body");
    }
    if (translations) doc.words = translations->words_for(doc.language);
    // The sources, when there are any, are the article's last section: a numbered list under a
    // heading in the leaflet's language. Every later stage sees them as a section like another.
    if (!references.empty()) {
        Section sources;
        sources.heading = doc.words.labels.sources;
        sources.where = references.front().where;
        sources.blocks = std::move(references);
        sources.sources = true;
        doc.sections.push_back(std::move(sources));
    }
    return doc;
}

std::optional<Document> load_content(const std::string& path, Diagnostics& diags, PictureStore* pictures,
                                     const Translations* translations) {
    auto text = read_text_file(path, diags);
    if (!text) return std::nullopt;
    return load_content_text(*text, path, diags, ImageLoading::Decode, pictures, translations);
}

}  // namespace leafpress
