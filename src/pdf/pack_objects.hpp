// Packing a finished PDF: libharu writes every object on its own with a classic cross-reference
// table. Here the objects that are not streams (page and font dictionaries, the structure
// tree's elements, outline entries: half a leaflet's bytes) go into one compressed object
// stream, and the cross-reference table becomes a compressed cross-reference stream (PDF 1.5,
// allowed by PDF/A-2 and PDF/UA-1). Streams are copied as they are.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leafpress::pdf {

// libharu writes a stream's /Filter from its own setting, and compresses the stream itself when
// that says Flate: a stream leafpress has compressed already carries this key instead, with
// the value /FlateDecode, and pack_objects renames it /Filter.
inline constexpr std::string_view kPrecompressed = "/LeafpressFilter";

// Objects written without libharu, to be added: their bodies, numbered from `first` (which must
// be the classic file's first free number), and text for the catalog's dictionary that refers
// to them ("/StructTreeRoot 12 0 R").
struct ExtraObjects {
    unsigned first = 0;
    std::vector<std::string> bodies;
    std::string catalog;
};

// The packed file, or nullopt (with `problem` set) when `classic` is not the single-revision,
// classic-xref PDF libharu writes, or the extra objects do not follow its own.
std::optional<std::vector<std::uint8_t>> pack_objects(const std::vector<std::uint8_t>& classic, const ExtraObjects& extra,
                                                      std::string& problem);

}  // namespace leafpress::pdf
