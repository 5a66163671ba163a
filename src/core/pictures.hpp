// The pictures of one leaflet (its figures and its brand's logo), each file decoded once
// however often the leaflet shows it, and all of them together held to limits::kLeafletPixels:
// what a build holds in memory for its pictures is bounded by that limit, not by how many
// figures name them (README, "Limits").
#pragma once
#include <map>
#include <string>
#include <utility>

#include "core/image.hpp"

namespace leafpress {

class PictureStore {
public:
    // The picture at `path`, decoded the first time its file (device and inode, so two names of
    // one file are one picture) is asked for; the same Raster each time after. A picture that
    // would take the leaflet's pictures past kLeafletPixels is refused, with a problem that says so.
    LoadedImage load(const std::string& path);

    // The pixels of the distinct pictures decoded so far.
    [[nodiscard]] long long pixels() const { return pixels_; }

private:
    std::map<std::pair<unsigned long long, unsigned long long>, LoadedImage> files_;
    long long pixels_ = 0;
};

}  // namespace leafpress
