// The plan of outputs: what a command will write, each output with its kind, and the files it
// reads, checked by one function before anything is written. build, watch and preview plan one
// leaflet's outputs (its PDF, or its page pictures and their record); batch plans every leaflet
// and its own files (contact sheet, build record, kept thumbnails, report).
#pragma once
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace leafpress {

enum class OutputKind { Leaflet, Picture, PictureRecord, ContactSheet, BuildRecord, Thumbnails, Report };

struct PlannedOutput {
    std::string path;
    OutputKind kind = OutputKind::Leaflet;
    std::string source;  // a batch's leaflet: what it is built from, "<content> (layout <layout>)"
};

struct OutputPlan {
    // Single: one leaflet's outputs (build, watch, preview), or one of a batch's files checked
    // again as it is written; a finding says "the output", and the path's kind (symlink, folder,
    // device) is looked at before the reads. Batch: all of a batch's outputs at once; a finding
    // names the output, since two may collide, and the reads are looked at first.
    enum class Scope { Single, Batch };
    Scope scope = Scope::Single;
    std::vector<PlannedOutput> outputs;
    std::vector<std::string> reads;  // every file the command reads: no output may be one of them
};

// What an output is, in a finding: "the contact sheet", "the report", a leaflet's source.
std::string output_name(const PlannedOutput& output);

// Every output of the plan checked, each finding a located error in `diags`: two outputs that
// would be the same file (batch.collision), an output that is one of the reads
// (output.overwrites-input), a symlink, folder or device in an output's place (output.path).
// True when there is none.
bool check_outputs(const OutputPlan& plan, Diagnostics& diags);

// The plan of one output: a leaflet's PDF (build, watch, a batch's worker as it writes one), or
// one of a batch's own files checked again as it is written.
OutputPlan one_output(const std::string& path, OutputKind kind, std::vector<std::string> reads);
// The plan of one leaflet's page pictures, page_picture(prefix, 1 .. pages), and their record
// (preview).
OutputPlan picture_outputs(const std::string& prefix, std::size_t pages, std::vector<std::string> reads);

}  // namespace leafpress
