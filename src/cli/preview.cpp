// leafpress preview: each printed page as a PNG, drawn from the page model with cairo.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/output.hpp"

namespace fs = std::filesystem;

namespace leafpress {

int run_preview(const PreviewOptions& o, Engine& engine, const RunSettings& s) {
    BuildRequest request = request_for(s, o.content, o.layout, o.brand);
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
    const std::string prefix = (dir / (fs::path(o.content).stem().string() + "-" + r.layout_name)).string();
    std::size_t written = 0, bytes = 0;
    if (r.output) {
        remove_stale_temporaries(dir.string());
        written =
            write_page_pictures(prefix, r.output->files, with_engine_files(r.inputs, engine), Durability::Now, r.diags);
        if (written < r.output->files.size())
            r.output.reset();
        else
            for (const auto& png : r.output->files) bytes += png.size();
    }
    std::cerr << brand_note(o.content, r.brand_file, r.brand_name);
    report(r.diags);
    if (!r.output) {
        std::cerr << "leafpress: " << terminal_safe(o.content) << ": not previewed\n";
        return 1;
    }
    std::cerr << "leafpress: wrote " << written << (written == 1 ? " picture" : " pictures") << " at " << o.dpi
              << " dpi to " << terminal_safe(prefix + "-N.png") << " (" << human_size(bytes) << ")\n";
    return 0;
}

}  // namespace leafpress
