#include "cli/output_plan.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <utility>

#include "cli/output.hpp"

namespace fs = std::filesystem;

namespace leafpress {

std::string output_name(const PlannedOutput& output) {
    switch (output.kind) {
        case OutputKind::Leaflet: return output.source.empty() ? "the leaflet" : output.source;
        case OutputKind::Picture: return "a page picture";
        case OutputKind::PictureRecord: return "the record of the pictures";
        case OutputKind::ContactSheet: return "the contact sheet";
        case OutputKind::BuildRecord: return "the build record";
        case OutputKind::Thumbnails: return "the kept thumbnails";
        case OutputKind::Report: return "the report";
    }
    return {};
}

namespace {

// Whether `path` may be written as far as what is there goes: a new path, or an existing
// regular file (not a symlink, a folder, a device or a pipe). Reports why not as an error.
bool check_path_kind(const std::string& path, Diagnostics& diags) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT) return true;  // a new file
        diags.error("output.path", {path, 0, 0}, std::string("cannot write here: ") + std::strerror(error));
        return false;
    }
    if (S_ISLNK(st.st_mode)) {
        diags.error("output.path", {path, 0, 0}, "the output is a symbolic link; leafpress does not write through one",
                    "give the path of the file itself, or a new path");
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error("output.path", {path, 0, 0},
                    S_ISDIR(st.st_mode) ? "the output is a folder" : "the output is a device or pipe, not a file",
                    "give the path of a .pdf file");
        return false;
    }
    return true;
}

std::string collision_message(const PlannedOutput& first, const PlannedOutput& second) {
    const bool a = first.kind == OutputKind::Leaflet, b = second.kind == OutputKind::Leaflet;
    if (a && b) return "two leaflets would be written here: " + output_name(first) + " and " + output_name(second);
    return std::string("two outputs would be written here: ") + (a ? "the leaflet " : "") + output_name(first) +
           " and " + (b ? "the leaflet " : "") + output_name(second);
}

std::string collision_hint(const PlannedOutput& output) {
    return output.kind == OutputKind::Leaflet
               ? "rename one of the content or layout files, or build them into separate output folders"
               : "give the report a path of its own, outside the output folder's leaflets, index.html, "
                 ".leafpress-cache.toml and .leafpress-thumbnails";
}

void overwrites_input(const OutputPlan& plan, const PlannedOutput& output, const std::string& input, Diagnostics& d) {
    if (plan.scope == OutputPlan::Scope::Single)
        d.error("output.overwrites-input", {output.path, 0, 0},
                "the output is one of the build's inputs (" + input + ")",
                "give the output a path of its own, such as a .pdf next to it");
    else
        d.error("output.overwrites-input", {output.path, 0, 0},
                (output.kind == OutputKind::Leaflet ? std::string("the output") : output_name(output)) +
                    " would replace the input " + input,
                "give it a path of its own, away from the content, brand, logo, figure and layout files");
}

}  // namespace

bool check_outputs(const OutputPlan& plan, Diagnostics& d) {
    std::vector<std::string> reads;
    for (const auto& in : plan.reads)
        if (!in.empty()) reads.push_back(in);
    const InputFiles files(reads);
    const bool batch = plan.scope == OutputPlan::Scope::Batch;
    std::map<std::string, const PlannedOutput*> seen;  // resolved path → the output planned there first
    const auto replaces_input = [&](const PlannedOutput& output) {
        const std::string* input = files.replaced_by(output.path);
        if (input) overwrites_input(plan, output, *input, d);
        return input != nullptr;
    };
    bool ok = true;
    for (const PlannedOutput& output : plan.outputs) {
        std::error_code ec;
        const std::string key = fs::weakly_canonical(fs::absolute(output.path, ec), ec).lexically_normal().string();
        const auto [it, added] = seen.try_emplace(key, &output);
        bool found = !added;
        if (found)
            d.error("batch.collision", {output.path, 0, 0}, collision_message(*it->second, output),
                    collision_hint(output));
        else if (batch)
            found = replaces_input(output) || !check_path_kind(output.path, d);
        else
            found = !check_path_kind(output.path, d) || replaces_input(output);
        ok = ok && !found;
    }
    return ok;
}

OutputPlan one_output(const std::string& path, OutputKind kind, std::vector<std::string> reads) {
    return {OutputPlan::Scope::Single, {{path, kind, {}}}, std::move(reads)};
}

OutputPlan picture_outputs(const std::string& prefix, std::size_t pages, std::vector<std::string> reads) {
    OutputPlan plan{
        OutputPlan::Scope::Single, {{picture_record(prefix), OutputKind::PictureRecord, {}}}, std::move(reads)};
    for (std::size_t n = 1; n <= pages; ++n) plan.outputs.push_back({page_picture(prefix, n), OutputKind::Picture, {}});
    return plan;
}

}  // namespace leafpress
