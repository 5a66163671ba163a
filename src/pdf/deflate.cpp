#include "pdf/deflate.hpp"

#include <libdeflate.h>

namespace leafpress::pdf {

namespace {

// One compressor per level and thread, made on first use: making one allocates its tables.
struct Compressor {
    explicit Compressor(int level) : c(libdeflate_alloc_compressor(level)) {}
    Compressor(const Compressor&) = delete;
    Compressor& operator=(const Compressor&) = delete;
    ~Compressor() {
        if (c) libdeflate_free_compressor(c);
    }
    libdeflate_compressor* c;
};

libdeflate_compressor* compressor(Effort effort) {
    thread_local Compressor smallest(8), quick(6);
    return effort == Effort::Smallest ? smallest.c : quick.c;
}

}  // namespace

std::string deflate(std::string_view data, Effort effort) {
    libdeflate_compressor* c = compressor(effort);
    if (!c) return {};
    std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
    const std::size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
    if (n == 0) return {};
    out.resize(n);
    return out;
}

}  // namespace leafpress::pdf
