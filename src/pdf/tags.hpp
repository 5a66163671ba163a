// Tagged PDF: the structure tree of a laid-out leaflet, in logical reading order, and for every
// item on every page whether it is real content (and of which structure element) or an
// artifact. Built from the page model's roles alone; the writer (write_pdf.cpp) turns it into
// marked content, the StructTreeRoot and its ParentTree.
#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "model/page.hpp"
#include "model/reading_order.hpp"

namespace leafpress::pdf {

enum class StructType {
    Document,
    Sect,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Link,
    Figure,
    Caption,
    BlockQuote,
    Table,
    TR,
    TH,
    TD,
    Span
};
const char* type_name(StructType t);

// A structure element's kid: another element, a marked-content sequence (page, MCID) or an
// annotation (page, index of the Link item on that page).
struct StructKid {
    enum class Kind { Element, Content, Annotation } kind = Kind::Element;
    int element = -1;
    int page = -1;
    int mcid = -1;
    int item = -1;     // the Link item, for Kind::Annotation
    ReadingKey key{};  // where it comes in reading order (an element: its first content)
};

struct StructElement {
    StructType type = StructType::P;
    int parent = -1;
    std::vector<StructKid> kids;
    std::string alt;  // figures
    int figure_page = -1;
    Rect bbox{};                 // figures: where on figure_page
    bool column_header = false;  // TH: heads its column (/Scope /Column)
    std::string lang;            // a language other than the document's (/Lang): taglines, and Spans of text in another
};

// What one page item is to a reader.
struct ItemTag {
    enum class Kind { Artifact, Pagination, Content, Annotation } kind = Kind::Artifact;
    int element = -1;  // Content: its element; Annotation: its Link element
    int mcid = -1;     // Content: its marked-content id on the page; neighbours may share one sequence
};

struct TagPlan {
    std::vector<StructElement> elements;      // [0] is the Document
    std::vector<std::vector<ItemTag>> pages;  // per page, per item
};

// Whether links are annotations (on screen) or their text alone (in print: paper has no links,
// and PDF/X allows no annotation on the printed area).
enum class Links { Annotated, TextOnly };

// What the planner needs of the document besides its pages.
struct TagFacts {
    std::vector<FigureInfo> figures;
    std::vector<SectionKind> section_kinds;
    std::vector<std::string> tagline_languages;
};

// Plans a page at a time, as pages are finished: each page's items are tagged in the page's
// reading order, and elements are made as their first content comes. Kids are put in reading
// order at the end, so a layout whose reading order goes back and forth between pages (a
// trifold's flap, inside and back) gets the tree it would get from all pages at once.
class TagPlanner {
public:
    TagPlanner(TagFacts facts, Links links);
    // The tags of page `index` (pages come in order), one per item. Elements made for them are
    // in elements() from now on.
    std::vector<ItemTag> page(const Page& page, int index);
    [[nodiscard]] const std::vector<StructElement>& elements() const { return elements_; }
    // The elements, each one's kids in reading order: the planner is spent.
    std::vector<StructElement> finish();

private:
    struct ListItem {
        int li, lbl, body;
    };
    // What an element is made for, one key type to each kind of element, so that no two share
    // an element by an accident of their numbers.
    struct FrontKey {  // the title, subtitle, condition or summary
        Role role;
        auto operator<=>(const FrontKey&) const = default;
    };
    struct SignatureKey {
        int block;
        auto operator<=>(const SignatureKey&) const = default;
    };
    struct LooseFigureKey {  // a figure outside the sections (a brand's QR code, a logo)
        int figure;
        auto operator<=>(const LooseFigureKey&) const = default;
    };
    struct SectionKey {
        int section;
        auto operator<=>(const SectionKey&) const = default;
    };
    struct HeadingKey {
        int section;
        auto operator<=>(const HeadingKey&) const = default;
    };
    enum class BlockPart { Text, ListBody, Figure, Caption, Table };
    struct BlockKey {  // a block of a section, or the part of it that is one element
        int section, block;
        BlockPart part;
        auto operator<=>(const BlockKey&) const = default;
    };
    struct RowKey {
        int section, block, row;
        auto operator<=>(const RowKey&) const = default;
    };
    struct CellKey {
        int section, block, row, column;
        auto operator<=>(const CellKey&) const = default;
    };
    struct CallToActionKey {  // its Sect
        auto operator<=>(const CallToActionKey&) const = default;
    };
    struct CallToActionPartKey {
        CallToActionPart part;
        auto operator<=>(const CallToActionPartKey&) const = default;
    };
    struct LanguageHelpKey {  // its Sect
        auto operator<=>(const LanguageHelpKey&) const = default;
    };
    struct TaglineKey {  // -1: the heading
        int index;
        auto operator<=>(const TaglineKey&) const = default;
    };
    struct ClosingKey {  // the disclaimer and the reviewed date, one paragraph
        auto operator<=>(const ClosingKey&) const = default;
    };
    using ElementKey =
        std::variant<FrontKey, SignatureKey, LooseFigureKey, SectionKey, HeadingKey, BlockKey, RowKey, CellKey,
                     CallToActionKey, CallToActionPartKey, LanguageHelpKey, TaglineKey, ClosingKey>;
    struct ListEntryKey {  // a list entry: (section, block)
        int section, block;
        auto operator<=>(const ListEntryKey&) const = default;
    };

    int add(StructType type, int parent);
    int element(const ElementKey& key, StructType type, int parent);
    int section(int s);
    ListItem list_item(const ElementRef& r);
    int element_for(const ElementRef& r);
    int block_element(const ElementRef& r, BlockPart part, StructType type, int parent);
    int language_span(int element, const std::string& language, const ItemTag* before);
    void place(const Page& page, int index, int item, std::vector<ItemTag>& tags);
    ReadingKey sort_kids(int element);

    TagFacts facts_;
    Links links_;
    std::vector<StructElement> elements_;
    std::map<ElementKey, int> made_;
    std::map<ListEntryKey, ListItem> items_;
    std::map<int, int> next_mcid_;
    static constexpr int kDepths = 3;  // lists nest three levels deep
    ListItem last_item_[kDepths] = {{-1, -1, -1}, {-1, -1, -1}, {-1, -1, -1}};
    int nested_[kDepths] = {-1, -1, -1};     // the nested list at each depth
    int nested_of_[kDepths] = {-1, -1, -1};  // and the item it belongs to
    int last_block_ = -2;
    int open_list_ = -1, open_list_section_ = -2;
};

// Every page at once.
TagPlan plan_tags(const LaidOut& doc, Links links = Links::Annotated);

}  // namespace leafpress::pdf
