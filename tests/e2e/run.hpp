// Running leafpress and the PDF tools from the end-to-end tests.
#pragma once
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace leafpress::test {

struct Run {
    int status = -1;
    std::string out, err;
};

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs a shell command line in `cwd` (empty: here), capturing its output and exit status.
inline Run run(const std::string& command, const std::string& cwd = {}) {
    TempDir io;
    const std::string full = (cwd.empty() ? "" : "cd " + quote(cwd) + " && ") + command + " >" + quote(io.file("out")) +
                             " 2>" + quote(io.file("err")) + " </dev/null";
    Run r;
    const int raw = std::system(full.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(io.file("out"));
    r.err = slurp(io.file("err"));
    return r;
}

inline std::string cli(const std::string& args) { return quote(LEAFPRESS_BINARY) + " " + args; }

inline std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

}  // namespace leafpress::test
