// Finishing a PDF: libharu's file is read by libqpdf, the filters of the streams leafpress
// encoded itself are named, the structure tree is added, and QPDFWriter writes the whole file
// once: the objects that are not streams packed into object streams, a cross-reference stream,
// and an /ID computed from the bytes as they are written (the same leaflet, the same ID).
#pragma once
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "pdf/pdf_objects.hpp"
#include "pdf/structure.hpp"
#include "pdf/tags.hpp"

namespace leafpress::pdf {

struct Finishing {
    std::vector<std::pair<unsigned, StreamFilter>> encoded;  // HaruDocument::encoded_streams
    std::vector<StructElement> elements;                      // the structure tree
    StructureObjects written;                                 // where its content went
};

// The finished file, or nullopt with a pdf.write error when libqpdf cannot read what libharu
// wrote or cannot write it.
std::optional<std::vector<std::uint8_t>> finish_pdf(const std::vector<std::uint8_t>& classic, const Finishing& finishing,
                                                    Diagnostics& diags);

}  // namespace leafpress::pdf
