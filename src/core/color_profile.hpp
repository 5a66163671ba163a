// ICC colour profiles made by LittleCMS, for a PDF's output intent.
#pragma once
#include <string>

namespace leafpress {

// A compact sRGB profile (ICC v4.2, parametric curves: about 600 bytes, where a v2 profile
// with sampled curves is 7 KB), with a fixed creation date so that output stays byte for byte
// the same. Empty if LittleCMS cannot make it.
std::string srgb_icc_profile();

}  // namespace leafpress
