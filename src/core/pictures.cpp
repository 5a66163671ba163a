#include "core/pictures.hpp"

#include <sys/stat.h>

#include "core/limits.hpp"

namespace leafpress {

namespace {

std::string millions(long long pixels) { return std::to_string((pixels + 500000) / 1000000); }

}  // namespace

LoadedImage PictureStore::load(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return load_image(path);  // load_image says why
    const std::pair<unsigned long long, unsigned long long> key{st.st_dev, st.st_ino};
    if (auto it = files_.find(key); it != files_.end()) return it->second;
    // Judged from the picture's header: one that does not fit is never decoded.
    LoadedImage img = load_image(path, limits::kLeafletPixels - pixels_);
    if (img.over_budget > 0)
        img.problem = "with it the leaflet's pictures come to " + millions(pixels_ + img.over_budget) +
                      " million pixels; at most " + millions(limits::kLeafletPixels) +
                      " million in all are used (a picture shown more than once counts once)";
    if (img.raster) pixels_ += static_cast<long long>(img.raster->width) * img.raster->height;
    files_.emplace(key, img);
    return img;
}

}  // namespace leafpress
