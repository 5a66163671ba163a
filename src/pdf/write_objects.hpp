// The one writer of a PDF's bytes. libharu makes the objects (pages, content streams, fonts,
// images, annotations, the outline) and leafpress adds its own (the structure tree); this
// writes them all once, from libharu's objects as they are in memory: every object that is not
// a stream in one compressed object stream, streams at offsets of their own, a compressed
// cross-reference stream (PDF 1.5, allowed by PDF/A-2, PDF/UA-1 and PDF/X-4), and an /ID
// computed from the bytes written before it. libharu's own writer (HPDF_SaveToStream) is not
// used.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "pdf/pdf_objects.hpp"

namespace leafpress::pdf {

// Text of PDF objects with no more separators than the syntax needs ("<</Type/Page/Parent 2 0
// R>>"): a space only between two tokens that would otherwise read as one.
class CompactText {
public:
    explicit CompactText(std::string& out) : out_(out) {}
    void name(std::string_view n);       // "/Type" (the slash included in n)
    void number(std::string_view text);  // a number, a keyword (true, null) or R
    void number(long long v) { number(std::string_view(std::to_string(v))); }
    void reference(unsigned object) {
        number(static_cast<long long>(object));
        number(std::string_view("0 R"));
    }
    void delimiter(std::string_view d);  // "<<", ">>", "[", "]"
    void string(std::string_view s);     // "(...)" or "<...>", as written

private:
    enum class Last { None, Regular, Name, Other };
    std::string& out_;
    Last last_ = Last::None;
};

class ObjectWriter {
public:
    // Takes libharu's objects as they are now: each is given its final number (objects that are
    // only ever one number or array, used once, go in place of their reference, as a stream's
    // /Length does).
    explicit ObjectWriter(HaruDocument& doc);

    // The final number of one of libharu's indirect objects.
    [[nodiscard]] unsigned number(const void* object) const;
    // Numbers for `count` objects of leafpress's own, after libharu's: the first of them.
    unsigned reserve(std::size_t count);
    // The body of a reserved object, written compactly (CompactText) with final numbers.
    void set(unsigned number, std::string body);
    // Text added at the end of the catalog's dictionary ("/StructTreeRoot 12 0 R").
    void add_to_catalog(std::string text) { catalog_extra_ += text; }

    // The file, or why it cannot be written.
    Result<std::vector<std::uint8_t>> write();

private:
    struct Haru;
    HaruDocument& doc_;
    std::vector<const void*> objects_;  // libharu's indirect objects, by libharu's number
    std::vector<int> uses_;             // references to each
    std::vector<unsigned> final_;       // their final numbers (0: written in place)
    unsigned next_ = 1;
    unsigned first_own_ = 0;
    std::vector<std::string> own_;  // leafpress's objects' bodies, from first_own_
    std::string catalog_extra_;
};

}  // namespace leafpress::pdf
