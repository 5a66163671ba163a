#pragma once
#include <string>
#include <vector>

#include "cli/pipeline.hpp"

namespace leafpress {

struct BuildOptions {
    std::string content;
    std::string output;  // empty: <content stem>.pdf in the current folder
    std::string layout = "a4";
    std::string brand;
};

struct BatchOptions {
    std::vector<std::string> inputs;  // folders or content files
    std::string out_dir = "out";
    std::vector<std::string> layouts;
    int jobs = 0;
};

struct CheckOptions {
    std::string content;
    std::string layout = "a4";
    std::string brand;
};

// Each returns the process exit status (0 built, 1 a leaflet failed).
int run_build(const BuildOptions& options, Engine& engine, const std::string& source_date);
int run_batch(const BatchOptions& options, Engine& engine, const std::string& source_date);
int run_check(const CheckOptions& options, Engine& engine, const std::string& source_date);

// Content files named by folders and files: a folder's *.toml, not recursively, without brand.toml.
std::vector<std::string> collect_content(const std::vector<std::string>& inputs);

}  // namespace leafpress
