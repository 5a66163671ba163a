#include "model/reading_order.hpp"

namespace leafpress {

namespace {
enum Group { kCover, kSections, kLanguageHelp, kCallToAction, kSmallPrint };
}

ReadingKey reading_key(const ElementRef& r) {
    switch (r.role) {
        case Role::Condition: return {kCover, 0, 0, 0};
        case Role::Title: return {kCover, 1, 0, 0};
        case Role::Subtitle: return {kCover, 2, 0, 0};
        case Role::Summary: return {kCover, 3, 0, 0};
        case Role::Signature: return {kCover, 5, r.block, 0};
        case Role::Heading: return {kSections, r.section, -1, 0};
        case Role::ListMarker: return {kSections, r.section, r.block, 0};
        case Role::Figure: return {kSections, r.section, r.block, 1};
        case Role::Caption: return {kSections, r.section, r.block, 2};
        case Role::TableHeader:
        case Role::TableCell: return {kSections, r.section, r.block, 3 + r.row * 1000 + r.column};
        case Role::Subheading:
        case Role::Paragraph:
        case Role::ListItem: return {kSections, r.section, r.block, 1};
        case Role::LanguageHelp: return {kLanguageHelp, r.block, 0, 0};
        case Role::CallToAction: return {kCallToAction, r.block, 0, 0};
        case Role::Disclaimer:
        case Role::Reviewed: return {kSmallPrint, 0, 0, 0};
        default: return {kCover, 4, r.figure, 0};  // the logo, after the summary
    }
}

bool is_artifact(const ElementRef& r) {
    switch (r.role) {
        case Role::Footer:
        case Role::Header:
        case Role::Decoration:
        case Role::Callout:
        case Role::Quote: return r.figure < 0;        // the logo is content; bands and rules are not
        case Role::CallToAction: return r.block < 0;  // its background box is not content
        default: return false;
    }
}

int heading_level(const ElementRef& r) {
    if (r.role == Role::Title) return 1;
    if (r.role == Role::Heading) return 2;
    if (r.role == Role::Subheading) return 3;
    if (r.role == Role::CallToAction && r.block == static_cast<int>(CallToActionPart::Heading)) return 2;
    if (r.role == Role::LanguageHelp && r.block < 0) return 2;
    return 0;
}

}  // namespace leafpress
