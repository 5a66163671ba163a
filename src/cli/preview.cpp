// leafpress preview: each printed page as a PNG, drawn from the page model with cairo.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"

namespace fs = std::filesystem;

namespace leafpress {

int run_preview(const PreviewOptions& o, Engine& engine, const RunSettings& s) {
    BuildRequest request{o.content, o.layout, o.brand, s.source_date, s.today, s.warnings, s.output};
    request.format = Format::Png;
    request.dpi = o.dpi;
    BuildResult r = build_leaflet(request, engine);
    const fs::path dir = o.out_dir.empty() ? fs::path(".") : fs::path(o.out_dir);
    if (r.output) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (!fs::is_directory(dir, ec)) {
            r.diags.error("output.write", {dir.string(), 0, 0}, "cannot make the folder for the pictures");
            r.output.reset();
        }
    }
    const std::string stem = fs::path(o.content).stem().string() + "-" + r.layout_name + "-";
    std::size_t written = 0, bytes = 0;
    if (r.output) {
        remove_stale_temporaries(dir.string());
        for (std::size_t i = 0; i < r.output->files.size(); ++i) {
            const std::string path = (dir / (stem + std::to_string(i + 1) + ".png")).string();
            if (!check_output_path(path, r.inputs, r.diags) || !write_atomically(path, r.output->files[i], r.diags)) {
                r.output.reset();
                break;
            }
            ++written;
            bytes += r.output->files[i].size();
        }
    }
    if (r.output) {
        // Pictures of pages a longer earlier version had would now be wrong: they go.
        for (std::size_t n = written + 1;; ++n) {
            std::error_code ec;
            const fs::path old = dir / (stem + std::to_string(n) + ".png");
            if (!fs::is_regular_file(fs::symlink_status(old, ec)) || !fs::remove(old, ec)) break;
        }
    }
    report(r.diags);
    if (!r.output) {
        std::cerr << "leafpress: " << o.content << ": not previewed\n";
        return 1;
    }
    std::cerr << "leafpress: wrote " << written << (written == 1 ? " picture" : " pictures") << " at " << o.dpi
              << " dpi to " << (dir / (stem + "N.png")).string() << " (" << human_size(bytes) << ")\n";
    return 0;
}

}  // namespace leafpress
