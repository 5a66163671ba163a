#include "pdf/deflate.hpp"

#include <libdeflate.h>

namespace leafpress::pdf {

namespace {

// libdeflate's level 8: on leaflets as small as level 9 to a few bytes (the seed's streams: 2
// bytes larger), and a tenth faster.
constexpr int kLevel = 8;

// One compressor per thread, made on first use: making one allocates its tables.
struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(kLevel);
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
