#include "pdf/deflate.hpp"

#include <libdeflate.h>

namespace leafpress::pdf {

namespace {

// One compressor per thread, made on first use: making one allocates its tables.
struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(9);
    ~Compressor() {
        if (c) libdeflate_free_compressor(c);
    }
};

}  // namespace

std::string deflate(std::string_view data) {
    thread_local Compressor compressor;
    if (!compressor.c) return {};
    std::string out(libdeflate_zlib_compress_bound(compressor.c, data.size()), '\0');
    const std::size_t n = libdeflate_zlib_compress(compressor.c, data.data(), data.size(), out.data(), out.size());
    if (n == 0) return {};
    out.resize(n);
    return out;
}

}  // namespace leafpress::pdf
