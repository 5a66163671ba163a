#include "pdf/tags.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "model/reading_order.hpp"

namespace leafpress::pdf {

const char* type_name(StructType t) {
    switch (t) {
        case StructType::Document: return "Document";
        case StructType::Sect: return "Sect";
        case StructType::H1: return "H1";
        case StructType::H2: return "H2";
        case StructType::H3: return "H3";
        case StructType::P: return "P";
        case StructType::L: return "L";
        case StructType::LI: return "LI";
        case StructType::Lbl: return "Lbl";
        case StructType::LBody: return "LBody";
        case StructType::Link: return "Link";
        case StructType::Figure: return "Figure";
        case StructType::Caption: return "Caption";
        case StructType::Table: return "Table";
        case StructType::TR: return "TR";
        case StructType::TH: return "TH";
        case StructType::TD: return "TD";
        case StructType::BlockQuote: return "BlockQuote";
        case StructType::Span: return "Span";
    }
    return "P";
}

namespace {

// Whether the writer will open a span of its own inside a run's sequence: for a hyphen
// added at a line break, a cluster of several glyphs, or a glyph drawn away from the pen
// (a mark, drawn again in a span; see show() in page_content.cpp). Text after such a span's
// EMC is lost to poppler's reading of the tree (it takes any EMC to close the MCID), so no
// line joins the sequence after one.
bool spans(const GlyphRun& run) {
    Pt next{0};  // where the pen stands: after the last glyph that advanced
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const PlacedGlyph& g = run.glyphs[i];
        if (g.kind == text::GlyphKind::Hyphen || g.text_length == 0 || g.y_offset() != Pt(0)) return true;
        if (g.advance() == Pt(0) && i > 0 && std::abs((g.x() - next).value()) > 0.0005) return true;
        if (g.advance() != Pt(0) || i == 0) next = g.x() + g.advance();
    }
    return false;
}

void extend_bbox(StructElement& e, int page, const PageItem& item) {
    Rect r;
    if (const auto* b = std::get_if<Box>(&item))
        r = b->rect;
    else if (const auto* im = std::get_if<Image>(&item))
        r = im->rect;
    else if (const auto* g = std::get_if<CellGrid>(&item))
        r = g->rect;
    else
        return;
    if (e.figure_page < 0) {
        e.figure_page = page;
        e.bbox = r;
        return;
    }
    const Pt x0 = std::min(e.bbox.x, r.x), y0 = std::min(e.bbox.y, r.y);
    const Pt x1 = std::max(e.bbox.right(), r.right()), y1 = std::max(e.bbox.bottom(), r.bottom());
    e.bbox = {x0, y0, x1 - x0, y1 - y0};
}

const ElementRef& source_of(const PageItem& item) {
    return std::visit([](const auto& it) -> const ElementRef& { return it.source; }, item);
}

constexpr ReadingKey kNoKey{1 << 30, 0, 0, 0};

}  // namespace

TagPlanner::TagPlanner(TagFacts facts, Links links) : facts_(std::move(facts)), links_(links) {
    elements_.push_back({StructType::Document, -1, {}, {}, -1, {}, false, {}});
}

std::vector<ItemTag> TagPlanner::page(const Page& page, int index) {
    std::vector<ItemTag> tags(page.items.size());
    std::vector<std::pair<ReadingKey, int>> entries;
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const PageItem& item = page.items[i];
        const ElementRef& r = source_of(item);
        if (std::holds_alternative<Link>(item)) continue;  // tied to its run below
        if (is_artifact(r)) {
            tags[i].kind =
                r.role == Role::Footer || r.role == Role::Header ? ItemTag::Kind::Pagination : ItemTag::Kind::Artifact;
            continue;
        }
        entries.emplace_back(reading_key(r), static_cast<int>(i));
    }
    std::stable_sort(entries.begin(), entries.end());
    for (const auto& [key, item] : entries) place(page, index, item, tags);
    return tags;
}

std::vector<StructElement> TagPlanner::finish() {
    sort_kids(0);
    return std::move(elements_);
}

// Puts an element's kids in reading order (content by its item's key, an element by its first
// content's), ties as they came; returns the element's own key.
ReadingKey TagPlanner::sort_kids(int element) {
    auto& kids = elements_[static_cast<std::size_t>(element)].kids;
    for (auto& k : kids)
        if (k.kind == StructKid::Kind::Element) k.key = sort_kids(k.element);
    std::stable_sort(kids.begin(), kids.end(), [](const StructKid& a, const StructKid& b) { return a.key < b.key; });
    ReadingKey first = kNoKey;
    for (const auto& k : kids) first = std::min(first, k.key);
    return first;
}

int TagPlanner::add(StructType type, int parent) {
    elements_.push_back({type, parent, {}, {}, -1, {}, false, {}});
    const int id = static_cast<int>(elements_.size()) - 1;
    elements_[static_cast<std::size_t>(parent)].kids.push_back({StructKid::Kind::Element, id, -1, -1, -1, kNoKey});
    return id;
}

// The element for a key, made on first use under `parent`.
int TagPlanner::element(const ElementKey& key, StructType type, int parent) {
    auto [it, added] = made_.try_emplace(key, -1);
    if (added) it->second = add(type, parent);
    return it->second;
}

int TagPlanner::section(int s) {
    const auto& kinds = facts_.section_kinds;
    const bool quote = s >= 0 && static_cast<std::size_t>(s) < kinds.size() &&
                       kinds[static_cast<std::size_t>(s)] == SectionKind::Quote;
    return element(SectionKey{s}, quote ? StructType::BlockQuote : StructType::Sect, 0);
}

// The list item element of a (section, block) list entry, with its Lbl and LBody.
TagPlanner::ListItem TagPlanner::list_item(const ElementRef& r) {
    const ListEntryKey key{r.section, r.block};
    if (auto it = items_.find(key); it != items_.end()) return it->second;
    const int depth = std::clamp(r.depth, 0, kDepths - 1);
    // A continuation paragraph belongs to the item before it at its depth.
    if (r.entry == ListEntry::Continuation && last_item_[depth].li >= 0) return items_[key] = last_item_[depth];
    const bool follows = last_block_ == r.block - 1;
    int parent_list;
    if (depth > 0 && follows && last_item_[depth - 1].li >= 0) {
        // A nested list lives in the body of the item above it.
        if (nested_of_[depth] != last_item_[depth - 1].li) {
            nested_[depth] = add(StructType::L, last_item_[depth - 1].body);
            nested_of_[depth] = last_item_[depth - 1].li;
        }
        parent_list = nested_[depth];
    } else {
        const int sect = section(r.section);
        if (open_list_section_ != r.section || !follows) {
            open_list_ = add(StructType::L, sect);
            open_list_section_ = r.section;
            for (auto& n : nested_of_) n = -1;
        }
        parent_list = open_list_;
    }
    ListItem li;
    li.li = add(StructType::LI, parent_list);
    li.lbl = add(StructType::Lbl, li.li);
    li.body = add(StructType::LBody, li.li);
    last_item_[depth] = li;
    for (int d = depth + 1; d < kDepths; ++d) last_item_[d] = {-1, -1, -1};
    return items_[key] = li;
}
// A block of a section (a paragraph, a table, a figure or its caption): what comes after it
// starts no list of its own.
int TagPlanner::block_element(const ElementRef& r, BlockPart part, StructType type, int parent) {
    last_block_ = r.block;
    open_list_section_ = -2;
    return element(BlockKey{r.section, r.block, part}, type, parent);
}

int TagPlanner::element_for(const ElementRef& r) {
    switch (r.role) {
        case Role::Title: return element(FrontKey{r.role}, StructType::H1, 0);
        case Role::Condition:
        case Role::Subtitle:
        case Role::Summary: return element(FrontKey{r.role}, StructType::P, 0);
        case Role::Signature: return element(SignatureKey{r.block}, StructType::P, 0);
        case Role::Heading: return element(HeadingKey{r.section}, StructType::H2, section(r.section));
        case Role::Paragraph:
        case Role::Subheading:
            return block_element(r, BlockPart::Text, r.role == Role::Subheading ? StructType::H3 : StructType::P,
                                 section(r.section));
        case Role::ListMarker: return list_item(r).lbl;
        case Role::TableHeader:
        case Role::TableCell: {
            const int table = block_element(r, BlockPart::Table, StructType::Table, section(r.section));
            const int row = element(RowKey{r.section, r.block, r.row}, StructType::TR, table);
            const bool head = r.role == Role::TableHeader;
            const StructType type = head ? StructType::TH : StructType::TD;
            const int cell = element(CellKey{r.section, r.block, r.row, r.column}, type, row);
            elements_[static_cast<std::size_t>(cell)].column_header = head;
            return cell;
        }
        case Role::Figure: return block_element(r, BlockPart::Figure, StructType::Figure, section(r.section));
        case Role::Caption: return block_element(r, BlockPart::Caption, StructType::Caption, section(r.section));
        case Role::ListItem: {
            const ListItem li = list_item(r);
            last_block_ = r.block;
            return element(BlockKey{r.section, r.block, BlockPart::ListBody}, StructType::P, li.body);
        }
        case Role::CallToAction: {
            const int sect = element(CallToActionKey{}, StructType::Sect, 0);
            const auto part = static_cast<CallToActionPart>(r.block);
            const StructType type = part == CallToActionPart::Heading ? StructType::H2
                                    : part == CallToActionPart::Code  ? StructType::Figure
                                                                      : StructType::P;
            return element(CallToActionPartKey{part}, type, sect);
        }
        case Role::LanguageHelp: {
            const int sect = element(LanguageHelpKey{}, StructType::Sect, 0);
            if (r.block < 0) return element(TaglineKey{-1}, StructType::H2, sect);
            const int p = element(TaglineKey{r.block}, StructType::P, sect);
            if (static_cast<std::size_t>(r.block) < facts_.tagline_languages.size())
                elements_[static_cast<std::size_t>(p)].lang =
                    facts_.tagline_languages[static_cast<std::size_t>(r.block)];
            return p;
        }
        case Role::Disclaimer:
        case Role::Reviewed: return element(ClosingKey{}, StructType::P, 0);
        default: return element(LooseFigureKey{r.figure}, StructType::Figure, 0);
    }
}

void TagPlanner::place(const Page& pg, int page, int index, std::vector<ItemTag>& tags) {
    const auto& items = pg.items;
    const PageItem& item = items[static_cast<std::size_t>(index)];
    const ElementRef& r = source_of(item);
    const ReadingKey key = reading_key(r);
    int target = element_for(r);
    StructElement& e = elements_[static_cast<std::size_t>(target)];
    if (r.figure >= 0 && static_cast<std::size_t>(r.figure) < facts_.figures.size()) {
        e.alt = facts_.figures[static_cast<std::size_t>(r.figure)].alt;
        extend_bbox(e, page, item);
    }
    const auto* run = std::get_if<GlyphRun>(&item);
    const ItemTag* before = index > 0 ? &tags[static_cast<std::size_t>(index) - 1] : nullptr;
    // A run in another language than the leaflet's (the brand's English call to action in an
    // Arabic leaflet): a Span with its /Lang in its element.
    if (run && !run->language.empty()) target = language_span(target, run->language, before);
    // A run that is a link: a Link element in its paragraph, holding the run and its annotation.
    const bool linked = links_ == Links::Annotated && run && !run->link.empty() &&
                        static_cast<std::size_t>(index) + 1 < items.size() &&
                        std::holds_alternative<Link>(items[static_cast<std::size_t>(index) + 1]);
    if (linked) {
        target = add(StructType::Link, target);
        ItemTag& annot = tags[static_cast<std::size_t>(index) + 1];
        annot.kind = ItemTag::Kind::Annotation;
        annot.element = target;
    }
    ItemTag& tag = tags[static_cast<std::size_t>(index)];
    tag.kind = ItemTag::Kind::Content;
    tag.element = target;
    // Items of one element drawn one after another share one marked-content sequence: the
    // shapes of a figure (a QR code's modules), and the lines of a paragraph (which the
    // writer then sets in one text object), unless a run carries its own /ActualText.
    if (before && before->kind == ItemTag::Kind::Content && before->element == target) {
        const auto* prev = std::get_if<GlyphRun>(&items[static_cast<std::size_t>(index) - 1]);
        const bool shapes = !run && !prev;
        const bool lines = run && prev && !linked && run->logical.empty() && prev->logical.empty() && !spans(*prev);
        if (shapes || lines) {
            tag.mcid = before->mcid;
            return;
        }
    }
    tag.mcid = next_mcid_[page]++;
    auto& kids = elements_[static_cast<std::size_t>(target)].kids;
    kids.push_back({StructKid::Kind::Content, -1, page, tag.mcid, -1, key});
    if (linked) kids.push_back({StructKid::Kind::Annotation, -1, page, -1, index + 1, key});
}
// The Span of `element` for text in `language`: the one the item before is in, when that is
// such a span of the same element (the lines of a disclaimer), else a new one.
int TagPlanner::language_span(int element, const std::string& language, const ItemTag* before) {
    if (before && before->kind == ItemTag::Kind::Content && before->element >= 0) {
        const StructElement& e = elements_[static_cast<std::size_t>(before->element)];
        if (e.type == StructType::Span && e.parent == element && e.lang == language) return before->element;
    }
    const int span = add(StructType::Span, element);
    elements_[static_cast<std::size_t>(span)].lang = language;
    return span;
}

TagPlan plan_tags(const LaidOut& doc, Links links) {
    TagPlanner planner({doc.figures, doc.section_kinds, doc.tagline_languages}, links);
    TagPlan plan;
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        plan.pages.push_back(planner.page(doc.pages[p], static_cast<int>(p)));
    plan.elements = planner.finish();
    return plan;
}

}  // namespace leafpress::pdf
