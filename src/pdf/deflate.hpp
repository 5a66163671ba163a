// Flate compression (zlib format, as FlateDecode reads it) with libdeflate: at the same level it
// compresses several times faster than zlib, and a little smaller.
#pragma once
#include <string>
#include <string_view>

namespace leafpress::pdf {

// How hard to look for repeats. Measured on the seed leaflet's streams: a font subset is a few
// bytes smaller at libdeflate's level 8 than at 6, for a quarter more time; page content and the
// object stream (PDF syntax: short, much repeated) gain a few bytes for two to three times the
// time at level 8.
enum class Effort {
    Smallest,  // level 8: font programs, metadata, profiles
    Quick,     // level 6: page content, object and cross-reference streams
};

// `data` compressed; empty only if libdeflate failed (out of memory).
std::string deflate(std::string_view data, Effort effort = Effort::Smallest);

}  // namespace leafpress::pdf
