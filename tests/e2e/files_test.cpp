// Never lose a user's file, never reach outside the output, never abort (issue 22): what batch,
// build, preview and watch write and delete, and where.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "run.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

const std::string kEpoch = "SOURCE_DATE_EPOCH=1795564800 ";  // 2026-11-25
const std::string kBrand = "name = \"Clinic\"\nphone = \"(555) 010-0199\"\nlogo = \"logo.png\"\n";
const std::string kFigured =
    "title = \"A leaflet\"\nreviewed = 2026-11-01\n[[section]]\nheading = \"One\"\n"
    "body = \"Some text.\\n\\n![A picture](picture.png \\\"A picture.\\\")\"\n";

// A catalogue folder `in` with a brand and its logo, and a leaflet with a figure.
void catalogue(const TempDir& dir, const std::string& folder = "in") {
    const std::string png = slurp(data_dir() + "/logo.png");
    dir.write_all({{folder + "/brand.toml", kBrand},
                   {folder + "/logo.png", png},
                   {folder + "/picture.png", png},
                   {folder + "/leaflet.toml", kFigured}});
}

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("batch refuses a report that is an input or another output, before building anything", "[files][batch]") {
    struct Case {
        std::string report, code;
    };
    const std::vector<Case> cases{
        {"in/brand.toml", "output.overwrites-input"},      // the brand found beside the content
        {"in/logo.png", "output.overwrites-input"},        // its logo
        {"in/picture.png", "output.overwrites-input"},     // a figure
        {"in/leaflet.toml", "output.overwrites-input"},    // the content
        {"out/leaflet-a4.pdf", "batch.collision"},         // a leaflet
        {"out/index.html", "batch.collision"},             // the contact sheet
        {"out/.leafpress-cache.toml", "batch.collision"},  // the build record
    };
    for (const auto& c : cases) {
        CAPTURE(c.report);
        TempDir dir;
        catalogue(dir);
        const std::string before = fs::exists(dir.file(c.report)) ? slurp(dir.file(c.report)) : "";
        const auto r = run(kEpoch + cli("batch in -o out --report " + c.report), dir.path());
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find(c.report + ": error: ") != std::string::npos);
        CHECK(r.err.find("[" + c.code + "]") != std::string::npos);
        CHECK(r.err.find("  hint: ") != std::string::npos);
        CHECK(r.out.find("leaflets:") == std::string::npos);  // nothing was built
        if (!before.empty()) CHECK(slurp(dir.file(c.report)) == before);
        CHECK_FALSE(fs::exists(dir.file("out/leaflet-a4.pdf")));
        CHECK_FALSE(fs::exists(dir.file("out/index.html")));
    }
}

TEST_CASE("batch leaves a folder it did not make alone: OUTDIR/.thumbnails", "[files][batch]") {
    TempDir dir;
    catalogue(dir);
    dir.write("out/.thumbnails/normal/photo.png", "the desktop's thumbnail");
    const auto r = run(kEpoch + cli("batch in -o out"), dir.path());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(slurp(dir.file("out/.thumbnails/normal/photo.png")) == "the desktop's thumbnail");
}

TEST_CASE("batch into the content folder: its own files are never content, and later runs are up to date",
          "[files][batch]") {
    TempDir dir;
    catalogue(dir);
    for (int n = 1; n <= 3; ++n) {
        CAPTURE(n);
        const auto r = run(kEpoch + cli("batch in -o in --report in/report.json"), dir.path());
        INFO(r.err << r.out);
        CHECK(r.status == 0);
        CHECK(r.out.find(n == 1 ? "1 leaflets: 1 built, 0 up to date, 0 failed"
                                : "1 leaflets: 0 built, 1 up to date, 0 failed") != std::string::npos);
    }
    // A report named like content, among the content: the batch's own, so never a leaflet (and
    // never a reason to refuse the next run); a file of the user's at that path stays refused.
    for (int n = 1; n <= 3; ++n) {
        CAPTURE(n);
        const auto r = run(kEpoch + cli("batch in -o out --report in/summary.toml"), dir.path());
        INFO(r.err << r.out);
        CHECK(r.status == 0);
        CHECK(r.out.find("1 leaflets:") != std::string::npos);
    }
    // Without --report too: a report is not content, wherever it is.
    const auto plain = run(kEpoch + cli("batch in -o out"), dir.path());
    CHECK(plain.status == 0);
    CHECK(plain.err.find("summary.toml") == std::string::npos);
    dir.write("in/notes.toml", kFigured);
    const auto user = run(kEpoch + cli("batch in -o out --report in/notes.toml"), dir.path());
    CHECK(user.status == 1);
    CHECK(user.err.find("[output.overwrites-input]") != std::string::npos);
    CHECK(slurp(dir.file("in/notes.toml")) == kFigured);
}

TEST_CASE("a brand.toml beside the leaflet that is not a file stops the search there: never a brand from above",
          "[files][brand]") {
    // The clinic's brand above, and something named brand.toml beside the leaflet: a folder, a
    // link to nothing, a pipe. Building with the brand above would print another number unsaid.
    for (const std::string kind : {"folder", "dangling link", "pipe"}) {
        CAPTURE(kind);
        TempDir dir;
        catalogue(dir);
        dir.write("in/near/leaflet.toml",
                  "title = \"A leaflet\"\nreviewed = 2026-11-01\n[[section]]\nbody = \"Text.\"\n");
        const std::string near = dir.file("in/near/brand.toml");
        if (kind == "folder")
            fs::create_directory(near);
        else if (kind == "dangling link")
            fs::create_symlink("nowhere.toml", near);
        else
            REQUIRE(run("mkfifo " + quote(near)).status == 0);
        const auto r = run(kEpoch + cli("build in/near/leaflet.toml -o out.pdf"), dir.path());
        INFO(r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("in/near/brand.toml: error: ") != std::string::npos);
        CHECK(r.err.find("(Clinic)") == std::string::npos);
        CHECK_FALSE(fs::exists(dir.file("out.pdf")));
    }
}

TEST_CASE("a batch killed outright takes its workers with it", "[files][batch]") {
    TempDir dir;
    catalogue(dir);
    dir.write("in/hang.toml", kFigured);
    // One worker, building the leaflet that hangs (for as long as the batch's timeout) when the
    // batch is killed: without the batch, nothing would ever stop it.
    const std::string script = "LEAFPRESS_TEST_HANG=hang setsid " + kEpoch +
                               cli("batch in/hang.toml -o out -j 1 --timeout 60") + R"SH( >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid
sleep 0.5
pgrep -g $pid >/dev/null && { echo left; pkill -9 -g $pid; }
exit 0
)SH";
    const auto r = run("bash -c " + quote(script), dir.path());
    CHECK(r.out.find("left") == std::string::npos);
}

TEST_CASE("batch refuses a site folder that leads out of OUTDIR through a symlink", "[files][batch][sites]") {
    TempDir dir;
    catalogue(dir);
    dir.write("sites/north/brand.toml", kBrand);
    dir.write("sites/north/logo.png", slurp(data_dir() + "/logo.png"));
    dir.write("sites/south.toml", kBrand);
    dir.write("sites/logo.png", slurp(data_dir() + "/logo.png"));
    fs::create_directories(dir.file("elsewhere"));
    fs::create_directories(dir.file("out"));
    fs::create_directory_symlink(dir.file("elsewhere"), dir.file("out/north"));
    const auto r =
        run(kEpoch + cli("batch in -o out --brand sites/north/brand.toml --brand sites/south.toml"), dir.path());
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("out/north: error: ") != std::string::npos);
    CHECK(r.err.find("[output.outside]") != std::string::npos);
    CHECK(fs::is_empty(dir.file("elsewhere")));
    CHECK_FALSE(fs::exists(dir.file("out/south")));
}

TEST_CASE("batch into a read-only or full folder says so once, before building", "[files][batch]") {
    if (run("unshare -rm true").status != 0) {
        WARN("skipped: no user namespaces (unshare -rm) to mount a read-only or full folder");
        return;
    }
    TempDir dir;
    catalogue(dir);
    for (int k = 0; k < 3; ++k) dir.write("in/more" + std::to_string(k) + ".toml", kFigured);
    for (const std::string mount : {"-o ro", "-o size=12k"}) {
        CAPTURE(mount);
        fs::create_directories(dir.file("out"));
        const auto r =
            run("unshare -rm sh -c " + quote("mount -t tmpfs " + mount + " tmpfs out && " + kEpoch +
                                             cli("batch in -o out --layout a4 --layout a5 --report out/report.json")),
                dir.path());
        INFO(r.err << r.out);
        CHECK(r.status == 1);
        CHECK(count(r.err, "error: ") == 1);
        CHECK(r.err.find("out: error: cannot write in the output folder") != std::string::npos);
        CHECK(r.out.find("leaflets:") == std::string::npos);  // nothing was built
    }
}

TEST_CASE("the report of a running batch lists the leaflets not built yet as pending", "[files][batch]") {
    TempDir dir;
    catalogue(dir);
    dir.write("in/early.toml", kFigured);
    dir.write("in/hang.toml", kFigured);
    dir.write("in/later.toml", kFigured);
    // One job at a time, in order: early (a4, a5), then hang (a4 times out after a second and a
    // half, which writes the report; a5 hangs as long again while the report is read), later, leaflet.
    const std::string script = "LEAFPRESS_TEST_HANG=hang " + kEpoch +
                               cli("batch in -o out -j 1 --timeout 1.5 --layout a4 --layout a5 --report r.json") +
                               R"SH( >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 200); do [ -s r.json ] && break; sleep 0.01; done
cp r.json running.json
wait $pid
)SH";
    run("bash -c " + quote(script), dir.path());
    const std::string running = slurp(dir.file("running.json"));
    INFO(running);
    const auto status_of = [&](const std::string& output) {
        std::smatch m;
        const std::regex re("\"output\": \"out/" + output + "\",[^}]*\"status\": \"([a-z-]+)\"");
        return std::regex_search(running, m, re) ? m[1].str() : std::string("(missing)");
    };
    CHECK(status_of("early-a4.pdf") == "built");
    CHECK(status_of("early-a5.pdf") == "built");
    CHECK(status_of("hang-a4.pdf") == "failed");
    CHECK(status_of("hang-a5.pdf") == "pending");
    CHECK(status_of("later-a4.pdf") == "pending");
    CHECK(status_of("leaflet-a5.pdf") == "pending");
    CHECK(running.find("\"built\": 2") != std::string::npos);
    CHECK(running.find("\"failed\": 1") != std::string::npos);
    CHECK(running.find("\"pending\": 5") != std::string::npos);
    // The finished report has none pending.
    const std::string done = slurp(dir.file("r.json"));
    CHECK(done.find("\"pending\": 0") != std::string::npos);
    CHECK(done.find("\"status\": \"pending\"") == std::string::npos);
}

TEST_CASE("preview never deletes an input nor a picture it did not write", "[files][preview]") {
    TempDir dir;
    catalogue(dir, ".");
    const std::string png = slurp(data_dir() + "/logo.png");
    // The leaflet's figure named like its second page's picture, and a picture of the user's.
    dir.write("picture-page.toml", std::regex_replace(kFigured, std::regex("picture\\.png"), "picture-page-a4-2.png"));
    dir.write("picture-page-a4-2.png", png);
    dir.write("picture-page-a4-3.png", png);
    const auto r = run(kEpoch + cli("preview picture-page.toml -o ."), dir.path());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(fs::exists(dir.file("picture-page-a4-1.png")));
    CHECK(slurp(dir.file("picture-page-a4-2.png")) == png);
    CHECK(slurp(dir.file("picture-page-a4-3.png")) == png);

    // A figure named like the first page's picture: refused, and kept.
    dir.write("first.toml", std::regex_replace(kFigured, std::regex("picture\\.png"), "first-a4-1.png"));
    dir.write("first-a4-1.png", png);
    const auto f = run(kEpoch + cli("preview first.toml -o ."), dir.path());
    CHECK(f.status == 1);
    CHECK(f.err.find("[output.overwrites-input]") != std::string::npos);
    CHECK(slurp(dir.file("first-a4-1.png")) == png);

    // The pictures of a longer version that preview wrote are removed when the leaflet gets shorter.
    std::string longer = kFigured;
    for (int k = 0; k < 12; ++k)
        longer += "[[section]]\nheading = \"More\"\nbody = \"" + std::string(600, 'x') + "\"\n";
    dir.write("shrinks.toml", std::regex_replace(longer, std::regex("x{600}"),
                                                 "Words that fill a page when there are many of them, over and over. "
                                                 "Words that fill a page when there are many of them, over and over. "
                                                 "Words that fill a page when there are many of them, over and over."));
    REQUIRE(run(kEpoch + cli("preview shrinks.toml -o ."), dir.path()).status == 0);
    REQUIRE(fs::exists(dir.file("shrinks-a4-2.png")));
    dir.write("shrinks.toml", kFigured);
    REQUIRE(run(kEpoch + cli("preview shrinks.toml -o ."), dir.path()).status == 0);
    CHECK(fs::exists(dir.file("shrinks-a4-1.png")));
    CHECK_FALSE(fs::exists(dir.file("shrinks-a4-2.png")));
}

TEST_CASE("build, watch and preview never write over an input: brand, logo, figure, layout, font or translation",
          "[files]") {
    TempDir dir;
    catalogue(dir);
    // A leafpress home of the test's own, so that a font written over is the test's copy.
    fs::create_directories(dir.file("home"));
    fs::copy(repo_dir() + "/fonts", dir.file("home/fonts"));
    fs::copy(repo_dir() + "/layouts", dir.file("home/layouts"));
    fs::copy(repo_dir() + "/data", dir.file("home/data"), fs::copy_options::recursive);
    const std::string home = "LEAFPRESS_HOME=" + quote(dir.file("home")) + " " + kEpoch;
    const std::string font = "home/fonts/" + fs::directory_iterator(dir.file("home/fonts"))->path().filename().string();
    for (const std::string& out :
         std::vector<std::string>{"in/brand.toml", "in/logo.png", "in/picture.png", "home/layouts/a4.toml", font,
                                  "home/data/translations/en.toml"}) {
        const std::string before = slurp(dir.file(out));
        for (const std::string& command :
             {"build in/leaflet.toml -o " + out, "watch in/leaflet.toml --builds 1 -o " + out}) {
            CAPTURE(command);
            const auto r = run(home + cli(command), dir.path());
            CHECK(r.status == 1);
            CHECK(r.err.find(out + ": error: the output is one of the build's inputs") != std::string::npos);
            CHECK(slurp(dir.file(out)) == before);
        }
    }
    // preview: a picture's name that is a font of the fonts folder.
    dir.write("home/fonts/leaflet-a4-1.png", "not a picture, but the home's");
    const auto p = run(home + cli("preview in/leaflet.toml -o home/fonts"), dir.path());
    CHECK(p.status == 1);
    CHECK(p.err.find("[output.overwrites-input]") != std::string::npos);
    CHECK(slurp(dir.file("home/fonts/leaflet-a4-1.png")) == "not a picture, but the home's");
}

namespace {

// The paths a traced run wrote, deleted, renamed or made (strace -f -y -e trace=file), made
// absolute: a relative path is from `cwd` (leafpress never changes its folder: a chdir is "?chdir?").
std::vector<std::string> paths_changed(const std::string& trace, const std::string& cwd) {
    static const std::set<std::string> changes{"unlink",   "unlinkat", "rename", "renameat", "renameat2", "mkdir",
                                               "mkdirat",  "rmdir",    "link",   "linkat",   "symlink",   "symlinkat",
                                               "truncate", "creat",    "chmod",  "fchmodat", "chown",     "fchownat"};
    static const std::regex call(R"(^(?:\[pid +)?\d*\]? *(?:<\.\.\. )?([a-z0-9_]+)\((.*))");
    static const std::regex arg(R"re((AT_FDCWD|\d+)<([^>]*)>, "([^"]*)"|"([^"]*)")re");
    std::vector<std::string> out;
    std::istringstream lines(trace);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, call)) continue;
        const std::string name = m[1], args = m[2];
        if (name == "chdir") out.push_back("?chdir?");
        const bool opens = name == "open" || name == "openat" || name == "openat2";
        if (opens ? !std::regex_search(args, std::regex("O_WRONLY|O_RDWR|O_CREAT|O_TRUNC")) : !changes.count(name))
            continue;
        for (auto it = std::sregex_iterator(args.begin(), args.end(), arg); it != std::sregex_iterator(); ++it) {
            const auto& a = *it;
            std::string path = a[3].matched ? a[3].str() : a[4].str();
            if (!path.starts_with("/")) path = (a[3].matched ? a[2].str() : cwd) + "/" + path;
            // Where it really is: through any symlink on its way (a site folder linked elsewhere).
            std::error_code ec;
            const fs::path real = fs::weakly_canonical(fs::path(path).parent_path(), ec) / fs::path(path).filename();
            out.push_back(real.lexically_normal().string());
            if (opens) break;  // the path only, not an O_CREAT mode's neighbours
        }
    }
    return out;
}

}  // namespace

TEST_CASE("build, batch, preview and watch write and delete nothing outside the output folder (strace)",
          "[files][strace]") {
    if (run("strace -f -o /dev/null true").status != 0) {
        WARN("skipped: strace is not installed (scripts/install-deps.sh installs it), or cannot trace here (ptrace)");
        return;
    }
    TempDir dir;
    catalogue(dir);
    dir.write("in/second.toml", kFigured);
    fs::create_directories(dir.file("out"));
    dir.write("out/batch/.gone.pdf.leafpress-999999-abcdef", "a killed run's temporary file");  // removed by the batch
    const std::string trace = "strace -f -y -s 4096 -e trace=file -o ";
    int n = 0;
    const auto traced = [&](const std::string& args) {
        // (LeakSanitizer cannot work under ptrace: a sanitized build is traced without it.)
        return kEpoch + "ASAN_OPTIONS=detect_leaks=0 " + trace + quote(dir.file("trace" + std::to_string(++n))) + " " +
               cli(args);
    };
    CHECK(run(traced("build in/leaflet.toml -o out/leaflet.pdf"), dir.path()).status == 0);
    CHECK(run(traced("batch in -o out/batch --report out/report.json --layout a4 --layout a5"), dir.path()).status ==
          0);
    dir.write("in/second.toml", kFigured + "[[section]]\nheading = \"Two\"\nbody = \"More text.\"\n");
    const auto again =
        run(traced("batch in -o out/batch --report out/report.json --layout a4 --layout a5"), dir.path());
    CHECK(again.status == 0);
    CHECK(again.out.find("4 leaflets: 2 built, 2 up to date, 0 failed") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out/batch/.gone.pdf.leafpress-999999-abcdef")));
    // Two sites, one of whose folders is a symlink out of the output folder: refused.
    dir.write("sites/north/brand.toml", kBrand);
    dir.write("sites/north/logo.png", slurp(data_dir() + "/logo.png"));
    dir.write("sites/south.toml", kBrand);
    dir.write("sites/logo.png", slurp(data_dir() + "/logo.png"));
    fs::create_directories(dir.file("elsewhere"));
    fs::create_directories(dir.file("out/sites"));
    fs::create_directory_symlink(dir.file("elsewhere"), dir.file("out/sites/north"));
    CHECK(run(traced("batch in -o out/sites --brand sites/north/brand.toml --brand sites/south.toml"), dir.path())
              .status == 1);
    // preview of a longer version, then of the shorter: its last picture is removed.
    std::string longer = kFigured;
    for (int k = 0; k < 12; ++k)
        longer += "[[section]]\nheading = \"More\"\nbody = \"" + std::string(3, ' ') +
                  "Words that fill a page when there are many of them, over and over. "
                  "Words that fill a page when there are many of them, over and over.\"\n";
    dir.write("in/long.toml", longer);
    CHECK(run(traced("preview in/long.toml -o out/png --dpi 20"), dir.path()).status == 0);
    REQUIRE(fs::exists(dir.file("out/png/long-a4-2.png")));
    dir.write("in/long.toml", kFigured);
    CHECK(run(traced("preview in/long.toml -o out/png --dpi 20"), dir.path()).status == 0);
    CHECK_FALSE(fs::exists(dir.file("out/png/long-a4-2.png")));
    // watch: a build, a change, a second build.
    const std::string script = traced("watch in/leaflet.toml -o out/watch.pdf --builds 2") + R"SH( 2>log &
pid=$!
for i in $(seq 1 500); do grep -q watching log 2>/dev/null && break; sleep 0.02; done
sed -i 's/^title = .*/title = "Changed"/' in/leaflet.toml
wait $pid
)SH";
    CHECK(run("bash -c " + quote(script), dir.path()).status == 0);
    CHECK(slurp(dir.file("log")).find("wrote out/watch.pdf") != slurp(dir.file("log")).rfind("wrote out/watch.pdf"));

    const std::string cwd = fs::canonical(dir.path()).string();
    const std::string inside = cwd + "/out/";
    std::size_t seen = 0;
    for (int k = 1; k <= n; ++k) {
        const std::string text = slurp(dir.file("trace" + std::to_string(k)));
        CAPTURE(k);
        REQUIRE_FALSE(text.empty());
        for (const auto& path : paths_changed(text, cwd)) {
            ++seen;
            CAPTURE(path);
            CHECK((path.starts_with(inside) || path == inside.substr(0, inside.size() - 1) || path == "/dev/null"));
        }
    }
    CHECK(seen > 20);  // the traces were read: every output's temporary file, rename and folder
}

TEST_CASE("a batch's report never replaces a translation file of the leafpress it runs", "[files]") {
    TempDir dir;
    catalogue(dir);
    fs::create_directories(dir.file("home"));
    fs::copy(repo_dir() + "/fonts", dir.file("home/fonts"));
    fs::copy(repo_dir() + "/layouts", dir.file("home/layouts"));
    fs::copy(repo_dir() + "/data", dir.file("home/data"), fs::copy_options::recursive);
    const std::string home = "LEAFPRESS_HOME=" + quote(dir.file("home")) + " " + kEpoch;
    for (const std::string language : {"en", "fr"}) {  // the one the leaflet reads, and another
        const std::string file = "home/data/translations/" + language + ".toml";
        const std::string before = slurp(dir.file(file));
        const auto r = run(home + cli("batch in -o out --report " + file), dir.path());
        CAPTURE(language, r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("[output.overwrites-input]") != std::string::npos);
        CHECK(slurp(dir.file(file)) == before);
    }
}
