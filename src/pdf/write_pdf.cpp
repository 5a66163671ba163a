#include "pdf/write_pdf.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "pdf/write_objects.hpp"
#include "pdf/page_content.hpp"
#include "pdf/pdf_objects.hpp"
#include "model/sheets.hpp"
#include "pdf/structure.hpp"
#include "pdf/tags.hpp"

namespace leafpress {

namespace {

struct ErrorState {
    HPDF_STATUS code = 0;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<ErrorState*>(user);
    if (e->code == 0) {
        e->code = code;
        e->detail = detail;
    }
}

HPDF_Array box(HPDF_Doc pdf, const std::array<double, 4>& r) {
    HPDF_Array a = HPDF_Array_New(pdf->mmgr);
    for (double v : r) HPDF_Array_AddReal(a, static_cast<HPDF_REAL>(v));
    return a;
}

}  // namespace

class PdfBuilder::Impl {
public:
    explicit Impl(PdfOptions options) : options_(std::move(options)), haru_(on_error, &error_), pdf_(haru_.get()) {
        if (pdf_) {
            HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
            resources_.emplace(haru_, options_.print);
        }
    }
    ~Impl() { resources_.reset(); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    void start(const DocumentStart& s) {
        start_ = s;
        planner_.emplace(pdf::TagFacts{s.figures, s.section_kinds, s.tagline_languages},
                         print() ? pdf::Links::TextOnly : pdf::Links::Annotated);
    }

    void page(const Page& p) {
        if (!pdf_ || !planner_) return;
        const int index = static_cast<int>(sizes_.size());
        sizes_.push_back(p.size);
        if (start_.imposition) {  // the sides are known once every page is
            held_.push_back(p);
            return;
        }
        const SheetSide side = page_side(p.size, index, start_.sheet, print() ? &geometry_ : nullptr);
        if (HPDF_Page s = new_side(side)) draw(s, side.slots.front(), 0, p, planner_->page(p, index));
    }

    void end(const DocumentEnd& e) {
        if (!pdf_ || !planner_) return;
        if (failed()) {  // libharu ran out of memory: finish() says so, and nothing more is drawn
            ended_ = true;
            return;
        }
        if (start_.imposition) impose();
        // Late furniture (what needed the page count), drawn over each page, as artifacts.
        for (std::size_t p = 0; p < e.late.size() && p < placements_.size(); ++p) {
            if (e.late[p].empty()) continue;
            std::vector<pdf::ItemTag> tags(e.late[p].size());
            for (std::size_t i = 0; i < tags.size(); ++i) {
                const ElementRef& r =
                    std::visit([](const auto& it) -> const ElementRef& { return it.source; }, e.late[p][i]);
                if (!is_artifact(r) || std::holds_alternative<Link>(e.late[p][i])) late_content_ = true;
                tags[i].kind = r.role == Role::Footer || r.role == Role::Header ? pdf::ItemTag::Kind::Pagination
                                                                                : pdf::ItemTag::Kind::Artifact;
            }
            pdf::PagePlacement at = placements_[p];
            at.elements = &planner_->elements();
            pdf::draw_items(at, sizes_[p], e.late[p], tags, *resources_, text_[p]);
        }
        if (!start_.imposition)
            for (const auto& at : placements_) pdf::leave_slot(at.side, at.slot);
        for (HPDF_Page side : written_.pages) pdf::compress_content(haru_, side);
        outline(e.outline);
        ended_ = true;
    }

    std::optional<std::vector<std::uint8_t>> finish(Diagnostics& diags) {
        if (!pdf_) {
            diags.error("pdf.init", {}, "libharu could not start");
            return std::nullopt;
        }
        if (!ended_) {
            diags.error("pdf.write", {}, "the document was not finished");
            return std::nullopt;
        }
        if (late_content_) {
            diags.error("pdf.write", {}, "late furniture holds content: the tags cannot place it");
            return std::nullopt;
        }
        if (failed()) return report_failure(diags);
        metadata();
        const auto& info = start_.info;
        pdf::OutputIntent intent;
        if (print()) {
            intent = {options_.print->profile(), 4, options_.print->description(), pdf::OutputIntent::Standard::PdfX4};
        } else if (!options_.srgb_profile.empty()) {
            intent = {options_.srgb_profile, 3, "sRGB IEC61966-2.1", pdf::OutputIntent::Standard::PdfA};
        }
        pdf::write_metadata(haru_, {info.title, info.author, info.subject, info.keywords, info.language, date()},
                            intent);
        if (start_.sheet.duplex != Duplex::Unspecified) {
            HPDF_Dict prefs =
                static_cast<HPDF_Dict>(HPDF_Dict_GetItem(pdf_->catalog, "ViewerPreferences", HPDF_OCLASS_DICT));
            if (prefs)
                HPDF_Dict_Add(prefs, "Duplex",
                              pdf::name(pdf_, start_.sheet.duplex == Duplex::FlipShortEdge ? "DuplexFlipShortEdge"
                                                                                           : "DuplexFlipLongEdge"));
        }
        if (!resources_->finish_fonts(diags)) return std::nullopt;
        written_.annotations = std::move(resources_->annotations);
        if (failed()) return report_failure(diags);
        // The bytes, written once from libharu's objects and the structure tree's.
        pdf::ObjectWriter writer(haru_);
        pdf::write_structure(pdf_, planner_->finish(), written_, writer);
        if (failed()) return report_failure(diags);
        Result<std::vector<std::uint8_t>> bytes = writer.write();
        if (failed()) return report_failure(diags);
        if (!bytes) {
            diags.error("pdf.write", {}, "the PDF could not be written: " + bytes.error());
            return std::nullopt;
        }
        return std::move(bytes).value();
    }

private:
    [[nodiscard]] bool print() const { return options_.print != nullptr; }

    std::nullopt_t report_failure(Diagnostics& diags) const {
        if (error_.code == HPDF_FAILD_TO_ALLOC_MEM || error_.code == 0) {
            diags.error("pdf.write", {}, "there was not enough memory to write the PDF",
                        "make the leaflet's pictures smaller, or build it on a computer with more memory");
            return std::nullopt;
        }
        char buf[80];
        std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error_.code),
                      static_cast<unsigned>(error_.detail));
        diags.error("pdf.write", {}, buf);
        return std::nullopt;
    }

    // Whether libharu has failed (out of memory, most likely): its objects may then be missing,
    // and nothing more is asked of it.
    [[nodiscard]] bool failed() const { return error_.code != 0 || (resources_ && resources_->images_failed()); }

    // A new printed side: in print, its trim and bleed boxes and the printer's marks; null when
    // libharu has failed (the error is kept and reported by finish()).
    HPDF_Page new_side(const SheetSide& side) {
        HPDF_Page page = failed() ? nullptr : HPDF_AddPage(pdf_);
        if (!page) {
            if (!failed()) error_.code = HPDF_FAILD_TO_ALLOC_MEM;
            return nullptr;
        }
        // libharu names the procedure sets of PDF 1.3 and before, which readers ignore.
        if (HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT)))
            HPDF_Dict_RemoveElement(resources, "ProcSet");
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(side.width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(side.height));
        if (print()) {
            HPDF_Dict_Add(page, "TrimBox", box(pdf_, side.trim));
            HPDF_Dict_Add(page, "BleedBox", box(pdf_, side.bleed));
            // Registration-free marks: black ink alone, hairline.
            pdf::write_content(page,
                               "/Artifact BMC\nq\n0 0 0 1 K\n0.25 w\n" + pdf::mark_operators(side.marks) + "Q\nEMC\n");
        }
        // A side of blank pages (a one-page booklet's back) still has a content stream that
        // decompresses: libharu writes no data at all for an empty one.
        if (side.slots.empty() && side.marks.empty()) pdf::write_content(page, "q Q\n");
        written_.pages.push_back(page);
        return page;
    }

    // Draws reading page `p` (with its tags) on a side at its slot, its MCIDs from
    // `mcid_offset`; returns the MCID after its last.
    int draw(HPDF_Page side, const SheetSlot& slot, int mcid_offset, const Page& p,
             const std::vector<pdf::ItemTag>& tags) {
        const int index = slot.page;
        int mcids = mcid_offset;
        for (const pdf::ItemTag& t : tags)
            if (t.kind == pdf::ItemTag::Kind::Content) mcids = std::max(mcids, mcid_offset + t.mcid + 1);
        if (written_.reading.size() <= static_cast<std::size_t>(index))
            written_.reading.resize(static_cast<std::size_t>(index) + 1);
        written_.reading[static_cast<std::size_t>(index)] = {static_cast<int>(written_.pages.size()) - 1, mcid_offset,
                                                             slot.tx, slot.ty, p.size.height.value()};
        pdf::PagePlacement at{side, slot, index, mcid_offset, &planner_->elements(), print() ? &geometry_ : nullptr};
        if (placements_.size() <= static_cast<std::size_t>(index)) {
            placements_.resize(static_cast<std::size_t>(index) + 1);
            text_.resize(static_cast<std::size_t>(index) + 1);
        }
        // A side of its own stays in the page's space until its late furniture is drawn at the
        // end; a booklet's side leaves it for the next page on it.
        pdf::enter_slot(side, slot);
        pdf::draw_items(at, p.size, p.items, tags, *resources_, text_[static_cast<std::size_t>(index)]);
        if (start_.imposition) pdf::leave_slot(side, slot);
        placements_[static_cast<std::size_t>(index)] = at;
        return mcids;
    }

    // A booklet: its pages, held until now, on the sides of its imposition. The planner takes
    // them in reading order, before they are drawn in the order of the sides.
    void impose() {
        std::vector<std::vector<pdf::ItemTag>> tags;
        for (std::size_t p = 0; p < held_.size(); ++p) tags.push_back(planner_->page(held_[p], static_cast<int>(p)));
        for (const SheetSide& side :
             imposed_sides(*start_.imposition, sizes_, start_.sheet, print() ? &geometry_ : nullptr)) {
            HPDF_Page hp = new_side(side);
            if (!hp) break;
            int mcids = 0;
            for (const SheetSlot& slot : side.slots) {
                const auto at = static_cast<std::size_t>(slot.page);
                mcids = draw(hp, slot, mcids, held_[at], tags[at]);
                std::vector<PageItem>().swap(held_[at].items);
            }
        }
        std::vector<Page>().swap(held_);
    }

    std::string date() const { return options_.source_date.empty() ? start_.info.date : options_.source_date; }

    void outline(const std::vector<OutlineEntry>& entries) {
        if (entries.empty()) return;
        for (const auto& e : entries) {
            HPDF_Outline o = HPDF_CreateOutline(pdf_, nullptr, "-", nullptr);
            if (!o) continue;
            HPDF_Dict_RemoveElement(o, "Type");  // an outline item has none (only the outline's root)
            HPDF_Dict_Add(o, "Title", pdf::text_string(pdf_, e.title));
            const auto& at = written_.reading[static_cast<std::size_t>(e.page)];
            const auto page = written_.pages[static_cast<std::size_t>(at.side)];
            HPDF_Destination d = HPDF_Page_CreateDestination(page);
            HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(at.height - e.y.value() + at.ty));
            HPDF_Outline_SetDestination(o, d);
        }
        HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
    }

    void metadata() {
        const auto& info = start_.info;
        // libharu makes the Info dictionary on first use; strings are then replaced by UTF-16 ones.
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_PRODUCER, "leafpress");
        HPDF_Dict dict = pdf_->info;
        const auto set = [&](const char* key, const std::string& v) {
            if (!v.empty()) HPDF_Dict_Add(dict, key, pdf::text_string(pdf_, v));
        };
        set("Title", info.title);
        set("Author", info.author);
        set("Subject", info.subject);
        set("Keywords", info.keywords);
        set("Creator", "leafpress");
        const std::string date = options_.source_date.empty() ? info.date : options_.source_date;
        if (date.size() == 10) {
            HPDF_Date d{};
            d.year = std::stoi(date.substr(0, 4));
            d.month = std::stoi(date.substr(5, 2));
            d.day = std::stoi(date.substr(8, 2));
            d.ind = 'Z';
            HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_CREATION_DATE, d);
            HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_MOD_DATE, d);
        }
        if (!info.language.empty())
            HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(pdf_->mmgr, info.language.c_str(), nullptr));
        // The document ID is made from the bytes as they are written (ObjectWriter).
    }

    PdfOptions options_;
    ErrorState error_;
    pdf::HaruDocument haru_;
    HPDF_Doc pdf_ = nullptr;  // haru_'s, until the file is finished
    std::optional<pdf::DocumentResources> resources_;
    DocumentStart start_;
    std::optional<pdf::TagPlanner> planner_;
    const PrintGeometry geometry_;
    std::vector<Size> sizes_;                     // of each reading page given so far
    std::vector<Page> held_;                      // a booklet's pages, until the end
    std::vector<pdf::PagePlacement> placements_;  // where each reading page was drawn
    std::vector<pdf::TextState> text_;            // and what its content stream set last
    pdf::WrittenPages written_;
    bool ended_ = false;
    bool late_content_ = false;
};

PdfBuilder::PdfBuilder(PdfOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
PdfBuilder::~PdfBuilder() = default;
void PdfBuilder::start(const DocumentStart& start) { impl_->start(start); }
void PdfBuilder::page(const Page& page) { impl_->page(page); }
void PdfBuilder::end(const DocumentEnd& end) { impl_->end(end); }
std::optional<std::vector<std::uint8_t>> PdfBuilder::finish(Diagnostics& diags) { return impl_->finish(diags); }

std::optional<std::vector<std::uint8_t>> write_pdf(LaidOut doc, const PdfOptions& options, Diagnostics& diags) {
    PdfBuilder builder(options);
    emit(std::move(doc), builder);
    return builder.finish(diags);
}

}  // namespace leafpress
