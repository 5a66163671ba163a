#include "pdf/finish_pdf.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <string>

namespace leafpress::pdf {

namespace {

const char* filter_name(StreamFilter f) {
    switch (f) {
        case StreamFilter::Flate: return "/FlateDecode";
        case StreamFilter::Dct: return "/DCTDecode";
    }
    return "/FlateDecode";
}

// Every stream goes out as its bytes are: leafpress and libharu compressed them already (the
// XMP packet too, which QPDFWriter would otherwise write uncompressed).
void keep_stream_bytes(QPDF& pdf) {
    for (QPDFObjectHandle o : pdf.getAllObjects())
        if (o.isStream()) o.setFilterOnWrite(false);
}

std::vector<std::uint8_t> write(QPDF& pdf) {
    QPDFWriter w(pdf);
    w.setOutputMemory();
    w.setObjectStreamMode(qpdf_o_generate);  // object streams are compressed (Flate)
    w.setCompressStreams(true);
    w.setDecodeLevel(qpdf_dl_none);
    w.setDeterministicID(true);
    w.setNewlineBeforeEndstream(true);  // PDF/A: an end-of-line marker before endstream
    w.write();
    const auto buffer = w.getBufferSharedPointer();
    const auto* data = buffer->getBuffer();
    return {data, data + buffer->getSize()};
}

}  // namespace

std::optional<std::vector<std::uint8_t>> finish_pdf(const std::vector<std::uint8_t>& classic, const Finishing& finishing,
                                                    Diagnostics& diags) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("leaflet", reinterpret_cast<const char*>(classic.data()), classic.size());
        for (const auto& [number, filter] : finishing.encoded)
            pdf.getObject(static_cast<int>(number), 0).getDict().replaceKey("/Filter", QPDFObjectHandle::newName(filter_name(filter)));
        write_structure(pdf, finishing.elements, finishing.written);
        keep_stream_bytes(pdf);
        if (pdf.anyWarnings()) {
            diags.error("pdf.write", {}, "libqpdf found a fault in the PDF libharu wrote");
            return std::nullopt;
        }
        return write(pdf);
    } catch (const std::bad_alloc&) {
        diags.error("pdf.write", {}, "there was not enough memory to write the PDF",
                    "make the leaflet's pictures smaller, or build it on a computer with more memory");
    } catch (const std::exception& e) {
        diags.error("pdf.write", {}, std::string("the PDF could not be finished: ") + e.what());
    }
    return std::nullopt;
}

}  // namespace leafpress::pdf
