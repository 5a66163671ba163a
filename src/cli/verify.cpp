// leafpress verify: whether PDFs (leafpress's or any other) meet the standards they claim, judged
// by the project's checker (scripts/pdfua-check, which agrees with the veraPDF corpus).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"

namespace fs = std::filesystem;

namespace leafpress {

std::vector<std::string> verify_arguments(const VerifyOptions& o, const std::string& checker) {
    std::vector<std::string> args{checker};
    for (const auto& s : o.standards) {
        args.push_back("--standard");
        args.push_back(s);
    }
    args.push_back(o.json ? "--json" : "--verdict");
    args.push_back("--");
    for (const auto& f : o.files) args.push_back(f);
    return args;
}

int run_verify(const VerifyOptions& o, const std::string& home) {
    const std::string checker = (fs::path(home) / "scripts" / "pdfua-check").string();
    std::error_code ec;
    if (!fs::is_regular_file(checker, ec)) {
        std::cerr << checker
                  << ": error: the PDF checker is not installed beside leafpress's layouts [verify.checker]\n"
                  << "  hint: run leafpress from its folder, or set LEAFPRESS_HOME to it\n";
        return 2;
    }
    const std::vector<std::string> args = verify_arguments(o, checker);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::cout.flush();
    ::execv(checker.c_str(), argv.data());
    std::cerr << checker << ": error: cannot run the PDF checker: " << std::strerror(errno) << " [verify.checker]\n"
              << "  hint: it needs Debian's python3, python3-pikepdf and python3-fonttools "
                 "(scripts/install-deps.sh installs them)\n";
    return 2;
}

}  // namespace leafpress
