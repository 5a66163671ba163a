// Test helpers: temporary files and folders, the repository's resources.
#pragma once
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include "content/translations.hpp"
#include "core/diagnostics.hpp"

namespace leafpress::test {

inline std::string repo_dir() { return LEAFPRESS_SOURCE_DIR; }
inline std::string data_dir() { return LEAFPRESS_TEST_DATA; }
inline std::string fonts_dir() { return repo_dir() + "/fonts"; }
inline std::string translations_dir() { return repo_dir() + "/data/translations"; }

// The repository's translation files, read once (what a build gives Document::words).
inline const Translations& translations() {
    static Diagnostics diags;
    static const Translations t = Translations::load(translations_dir(), diags);
    return t;
}

// A fresh folder under the system's temporary folder, removed at the end of the scope.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "leafpress-test-XXXXXX").string();
        path_ = mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }

    // Writes a file, making the folders on its way.
    std::string write(const std::string& name, const std::string& bytes) const {
        const std::string p = file(name);
        std::filesystem::create_directories(std::filesystem::path(p).parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

    // Several files at once: {name, bytes} pairs.
    void write_all(std::initializer_list<std::pair<std::string, std::string>> files) const {
        for (const auto& [name, bytes] : files) write(name, bytes);
    }

private:
    std::string path_;
};

// The single diagnostic formatted, or all of them joined by newlines.
inline std::string messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.all()) out += (out.empty() ? "" : "\n") + format(x);
    return out;
}

}  // namespace leafpress::test
