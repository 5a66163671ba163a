// Writing outputs safely (each path checked first by check_outputs, output_plan.hpp): never a
// partial file. Temporary files carry the writer's process id, so that those of a
// process that died (kill -9) can be told apart from a live one's and removed.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include "core/diagnostics.hpp"

namespace leafpress {

// When a written file must be on the disk: before write_atomically returns (one output), or
// when the caller next calls sync_outputs (a batch: one flush for many files, before it records
// them as built; a file lost to a power cut before then is not in the record and is rebuilt).
enum class Durability { Now, AtNextSync };

// Writes to a temporary file in the target's folder, flushes it to disk (see Durability) and
// renames it into place, so that a failure never leaves a partial file nor damages an existing
// one; a file that holds these bytes already is left untouched. The path must have passed
// check_outputs (output_plan.hpp).
bool write_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes, Diagnostics& diags,
                      Durability durability = Durability::Now);

// Flushes to disk everything written on the file system that holds `dir`: the files written
// there with Durability::AtNextSync, and their renames. Returns why it could not (the error
// is the calling thread's own, as a value: a batch flushes in a thread of its own), or no error.
std::error_code sync_outputs(const std::string& dir);

// A leaflet's page pictures (previews): <prefix>-1.png, -2, ...
std::string page_picture(const std::string& prefix, std::size_t page);

// Writes pictures[i] as page_picture(prefix, i + 1), each as write_atomically does and never over
// one of `inputs` (every path is checked before any is written); then removes the pictures of
// later pages that an earlier, longer version of the leaflet left, and only those this function
// wrote: each picture written is recorded, with a hash of its bytes, in the folder's
// picture_record(prefix), and a later page's picture is removed only when it is in the record,
// still holds those bytes, and is none of `inputs`. Stops at the first that cannot be written
// (its error in `diags`); returns how many were written.
std::size_t write_page_pictures(const std::string& prefix, const std::vector<std::vector<std::uint8_t>>& pictures,
                                const std::vector<std::string>& inputs, Durability durability, Diagnostics& diags);
// The record of the pictures written into prefix's folder: <folder>/.leafpress-pictures.
std::string picture_record(const std::string& prefix);

// Whether leafpress can write in `dir` (a file created there, 64 kB written to it, and removed):
// a read-only or full folder is one error, before anything is built.
bool check_writable(const std::string& dir, Diagnostics& diags);

// Removes, from `dir`, temporary files of ours whose process no longer runs. Returns how many.
int remove_stale_temporaries(const std::string& dir);

// Whether two paths name the same file (both must exist), or, lexically, the same new path.
bool same_file(const std::string& a, const std::string& b);

// Many outputs checked against the same inputs, as same_file() would, each file looked at once
// (a batch comparing every output with every input spent most of its start in stat calls).
class InputFiles {
public:
    explicit InputFiles(const std::vector<std::string>& inputs);
    // The input `output` would replace, if any: the same file when both exist, else the same path.
    [[nodiscard]] const std::string* replaced_by(const std::string& output) const;

private:
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::string> by_inode_;  // (device, inode)
    std::map<std::string, std::string> by_path_, missing_;                     // normalised absolute paths
};

}  // namespace leafpress
