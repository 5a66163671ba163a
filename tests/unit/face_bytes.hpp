// A HarfBuzz face's file as bytes (an hb-subset result, say), for the tests that compare them.
#pragma once
#include <hb.h>

#include <string>

namespace leafpress::test {

inline std::string face_bytes(hb_face_t* face) {
    hb_blob_t* blob = hb_face_reference_blob(face);
    unsigned n = 0;
    const char* data = hb_blob_get_data(blob, &n);
    std::string bytes(data, n);
    hb_blob_destroy(blob);
    return bytes;
}

}  // namespace leafpress::test
