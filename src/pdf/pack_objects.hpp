// Packing a finished PDF: libharu writes every object on its own with a classic cross-reference
// table. Here the objects that are not streams (page and font dictionaries, the structure
// tree's elements, outline entries: half a leaflet's bytes) go into one compressed object
// stream, and the cross-reference table becomes a compressed cross-reference stream (PDF 1.5,
// allowed by PDF/A-2 and PDF/UA-1). Streams are copied as they are.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace leafpress::pdf {

// The packed file, or nullopt (with `problem` set) when `classic` is not the single-revision,
// classic-xref PDF libharu writes; the caller then keeps the classic file.
std::optional<std::vector<std::uint8_t>> pack_objects(const std::vector<std::uint8_t>& classic, std::string& problem);

}  // namespace leafpress::pdf
