// The PNG writer: checks what it is asked, works out the sides, and has the cairo module draw
// them (png_module.hpp), loading it the first time.
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>

#include "output/png_module.hpp"

namespace fs = std::filesystem;

namespace leafpress::output {

namespace {

using DrawFn = void (*)(const PngJob*, PngDrawn*);
using AbiFn = std::uint64_t (*)();

// The module's drawing function: next to the running program (build/leafpress and
// build/libleafpress_png.so), else where this build made it (for the tests, whose programs
// live elsewhere). dlopen keeps one copy however often it is asked.
DrawFn load_module(std::string& error) {
    std::vector<std::string> places;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) places.push_back((exe.parent_path() / "libleafpress_png.so").string());
#ifdef LEAFPRESS_PNG_MODULE
    places.emplace_back(LEAFPRESS_PNG_MODULE);
#endif
    std::string tried;
    for (const auto& place : places) {
        if (!fs::exists(place, ec)) {
            tried += (tried.empty() ? "" : ", ") + place;
            continue;
        }
        void* module = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            error = std::string("cannot load the drawing module: ") + dlerror();
            return nullptr;
        }
        auto abi = reinterpret_cast<AbiFn>(dlsym(module, "leafpress_png_abi"));
        auto draw = reinterpret_cast<DrawFn>(dlsym(module, "leafpress_png_draw"));
        if (!abi || !draw || abi() != kPngModuleAbi) {
            error = "the drawing module " + place + " is from another build of leafpress";
            return nullptr;
        }
        return draw;
    }
    error = "the drawing module libleafpress_png.so is missing (looked at " + tried + ")";
    return nullptr;
}

}  // namespace

std::optional<Rendition> PngWriter::draw(const LaidOut& doc, Diagnostics& diags) const {
    if (!(settings_.dpi >= 1 && settings_.dpi <= 2400)) {
        diags.error("png.dpi", {}, "the resolution must be between 1 and 2400 dpi");
        return std::nullopt;
    }
    const auto sides = pdf::sheet_sides(doc, nullptr);
    for (const auto& side : sides) {
        const int w = png_pixels(side.width, settings_.dpi), h = png_pixels(side.height, settings_.dpi);
        if (static_cast<double>(w) * h > 50e6) {  // A4 at about 700 dpi: 200 MB of pixels
            diags.error("png.size", {}, "a page of " + std::to_string(w) + " x " + std::to_string(h) +
                                            " pixels is too large to draw", "choose a lower --dpi");
            return std::nullopt;
        }
    }
    std::string error;
    const DrawFn draw = load_module(error);
    if (!draw) {
        diags.error("png.module", {}, error, "build leafpress again (cmake --build build)");
        return std::nullopt;
    }
    PngDrawn drawn;
    const PngJob job{&doc, &sides, settings_};
    draw(&job, &drawn);
    if (!drawn.error.empty()) {
        diags.error("png.draw", {}, drawn.error);
        return std::nullopt;
    }
    return Rendition{std::move(drawn.files)};
}

}  // namespace leafpress::output
