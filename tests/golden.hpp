// Golden files: the text a stage makes, compared with the text kept in the repository. A
// mismatch fails with a line diff of what changed. With LEAFPRESS_UPDATE_GOLDEN=1 the file is
// written anew and the same diff is printed, so the change is seen before it is committed.
#pragma once
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace leafpress::test {

inline bool update_golden() {
    const char* v = std::getenv("LEAFPRESS_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A line diff in the unified style: " " kept, "-" only in `want`, "+" only in `got`; long
// stretches of kept lines are cut to two lines of context each side.
inline std::string line_diff(const std::string& want, const std::string& got, const std::string& name) {
    const auto a = split_lines(want), b = split_lines(got);
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<std::string> rows;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j])
            rows.push_back(" " + a[i++]), ++j;
        else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]))
            rows.push_back("-" + a[i++]);
        else
            rows.push_back("+" + b[j++]);
    }
    std::string out = "--- " + name + " (kept)\n+++ " + name + " (made now)\n";
    constexpr std::size_t kContext = 2;
    bool skipped = false;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        bool near = false;
        for (std::size_t d = k >= kContext ? k - kContext : 0; d <= std::min(rows.size() - 1, k + kContext); ++d)
            near = near || rows[d][0] != ' ';
        if (!near) {
            skipped = true;
            continue;
        }
        if (skipped) out += "@@\n";
        skipped = false;
        out += rows[k] + "\n";
    }
    return out;
}

// Compares `got` with the kept text `want` (from `path`); `write` puts `got` in place of it.
// Returns whether they were equal.
template <class Write>
bool check_golden(const std::string& path, const std::string& want, const std::string& got, Write write) {
    if (got == want) return true;
    const std::string diff = line_diff(want, got, path);
    if (update_golden()) {
        write();
        std::cout << "golden file updated: " << path << "\n" << diff << std::flush;
        WARN("updated " << path << "; review the diff printed above before committing it");
        return false;
    }
    FAIL_CHECK("golden text differs from " << path
                                           << " (set LEAFPRESS_UPDATE_GOLDEN=1 to write it anew and see the diff):\n"
                                           << diff);
    return false;
}

// A whole file of golden text.
inline bool check_golden_file(const std::string& path, const std::string& got) {
    return check_golden(path, read_text(path), got, [&] { std::ofstream(path, std::ios::binary) << got; });
}

}  // namespace leafpress::test
