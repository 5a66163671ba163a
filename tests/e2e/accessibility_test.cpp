// Tagged PDF/UA-1 and PDF/A-2a, checked by scripts/pdfua-check (the machine-checkable PDF/UA
// rules, read with pikepdf) and poppler: every shipped leaflet in every layout, leaflets in
// Spanish, Vietnamese and Arabic written here, and the checker itself on PDFs made wrong.
#include <catch2/catch.hpp>

#include <filesystem>

#include "e2e/run.hpp"

using namespace leafpress::test;
namespace fs = std::filesystem;

namespace {

const char* kLayouts[] = {"a4", "letter", "large-print", "trifold"};

std::string checker() { return quote(repo_dir() + "/scripts/pdfua-check"); }

// The checker's findings for a PDF and the content it was built from ("" when it passes).
Run check_pdf(const std::string& pdf, const std::string& content, const std::string& extra = "") {
    return run(checker() + " --pdfa --content " + quote(content) + " " + extra + " " + quote(pdf));
}

// Builds `name`.toml from `dir` in a layout and checks the PDF with the checker (words in order,
// poppler's reading too); returns the PDF's path.
std::string build_checked(const TempDir& dir, const std::string& name, const char* layout) {
    const std::string pdf = dir.file(name + "-" + layout + ".pdf");
    auto b = run(cli("build " + name + ".toml -o " + quote(pdf) + " --layout " + layout), dir.path());
    INFO(b.err);
    REQUIRE(b.status == 0);
    auto c = check_pdf(pdf, dir.file(name + ".toml"), "--poppler");
    INFO(c.out);
    CHECK(c.status == 0);
    return pdf;
}

}  // namespace

TEST_CASE("every shipped leaflet in every layout is tagged PDF/UA-1 and PDF/A-2a, its words in order", "[e2e][a11y]") {
    TempDir dir;
    auto r = run("SOURCE_DATE_EPOCH=1795564800 " +
                     cli("batch " + quote(repo_dir() + "/content") +
                         " -o out --layout a4 --layout letter --layout large-print --layout trifold"),
                 dir.path());
    REQUIRE(r.status == 0);
    int checked = 0;
    for (const auto& e : fs::directory_iterator(repo_dir() + "/content")) {
        if (e.path().filename() == "brand.toml" || e.path().extension() != ".toml") continue;
        for (const char* layout : kLayouts) {
            const std::string pdf = dir.file("out/" + e.path().stem().string() + "-" + layout + ".pdf");
            CAPTURE(pdf);
            auto c = check_pdf(pdf, e.path().string(), "--poppler");
            INFO(c.out);
            CHECK(c.status == 0);
            CHECK(run("pdfinfo " + quote(pdf)).out.find("Tagged:          yes") != std::string::npos);
            ++checked;
        }
    }
    CHECK(checked == 24);
}

TEST_CASE("leaflets in Spanish, Vietnamese and Arabic are tagged, right to left included", "[e2e][a11y]") {
    TempDir dir;
    dir.write("brand.toml",
              "name = \"Clínica del Sol\"\nphone = \"+34 912 345 678\"\nwebsite = \"https://example.org\"\n"
              "disclaimer = \"Solo información general.\"\n");
    const struct {
        const char* name;
        std::string content;
    } leaflets[] = {
        {"es",
         "title = \"La terapia celular y la artritis\"\nlanguage = \"es\"\nreviewed = 2026-10-01\n"
         "summary = \"Lo que conviene saber antes de decidir.\"\n\n[[section]]\nheading = \"Qué es\"\n"
         "body = \"\"\"\nLa terapia con células madre se estudia como apoyo para las enfermedades autoinmunes. "
         "No es una cura, y los resultados varían de una persona a otra.\n\n- Menos inflamación.\n"
         "- Más energía para el día a día.\n\"\"\"\n\n[[section]]\nheading = \"Importante\"\nkind = \"callout\"\n"
         "body = \"Hable siempre con su médico antes de cambiar su tratamiento. Más información en "
         "[nuestra web](https://example.org/es).\"\n"},
        {"vi",
         "title = \"Liệu pháp tế bào gốc và bệnh lupus\"\nlanguage = \"vi\"\nreviewed = 2026-10-01\n\n"
         "[[section]]\nheading = \"Điều cần biết\"\nbody = \"\"\"\nLiệu pháp tế bào gốc đang được nghiên cứu để hỗ trợ "
         "người bệnh tự miễn. Đây không phải là cách chữa khỏi bệnh.\n\n1. Hỏi bác sĩ của bạn.\n"
         "2. Tiếp tục điều trị như thường lệ.\n\"\"\"\n"},
        {"ar",
         "title = \"العلاج بالخلايا الجذعية والذئبة\"\nlanguage = \"ar\"\nreviewed = 2026-10-01\n\n"
         "[[section]]\nheading = \"ما الذي يجب معرفته\"\nbody = \"\"\"\nتتم دراسة العلاج بالخلايا الجذعية لدعم مرضى "
         "أمراض المناعة الذاتية. إنه ليس علاجًا شافيًا، والنتائج تختلف من شخص لآخر. اتصل بنا على "
         "+34 912 345 678 لمزيد من المعلومات.\n\n- تحدث مع طبيبك.\n- استمر في علاجك المعتاد.\n\"\"\"\n"},
    };
    for (const auto& l : leaflets) {
        const std::string content = dir.write(std::string(l.name) + ".toml", l.content);
        for (const char* layout : {"a4", "trifold"}) {
            CAPTURE(l.name, layout);
            const std::string pdf = dir.file(std::string(l.name) + "-" + layout + ".pdf");
            auto b = run(cli("build " + quote(content) + " -o " + quote(pdf) + " --layout " + layout), dir.path());
            INFO(b.err);
            REQUIRE(b.status == 0);
            // poppler does not apply /ActualText: its reading of right-to-left text is not checked.
            auto c = check_pdf(pdf, content, std::string(l.name) == "ar" ? "" : "--poppler");
            INFO(c.out);
            CHECK(c.status == 0);
            CHECK(run("qpdf --check " + quote(pdf)).status == 0);
            CHECK(run("mutool draw -N -q -o /dev/null " + quote(pdf)).err.empty());
            // On paper a link shows where it goes.
            if (std::string(l.name) == "es") {
                std::string text;
                for (const auto& w : words(run("pdftotext " + quote(pdf) + " -").out)) text += w + " ";
                CHECK(text.find("nuestra web (example.org/es)") != std::string::npos);
            }
        }
    }
}

TEST_CASE("the PDF/UA checker fails PDFs that break its rules", "[e2e][a11y]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\nwebsite = \"https://example.org\"\n");
    const std::string content = dir.write(
        "x.toml", "title = \"T\"\n[[section]]\nheading = \"H\"\nbody = \"Some words [here](https://example.org).\"\n");
    REQUIRE(run(cli("build x.toml -o good.pdf"), dir.path()).status == 0);
    REQUIRE(check_pdf(dir.file("good.pdf"), content).status == 0);
    const struct {
        const char* name;
        const char* change;  // Python on the pikepdf document `p`
        const char* finding;
    } broken[] = {
        {"untagged", "del p.Root.StructTreeRoot; del p.Root.MarkInfo", "7.1-t11"},
        {"a stroke outside any marked content",
         "p.pages[0].contents_add(pikepdf.Stream(p, b'0 0 m 10 10 l S'), prepend=False)", "Matterhorn 01-005"},
        {"a figure without alternative text",
         "[e.__delitem__('/Alt') for e in p.objects if isinstance(e, pikepdf.Dictionary) and e.get('/S') == '/Figure']",
         "Matterhorn 13-004"},
        {"a link annotation out of the tree", "[a.__delitem__('/StructParent') for a in p.pages[0].Annots]",
         "Matterhorn 28-011"},
        {"no language", "del p.Root.Lang", "Matterhorn 11-001"},
        {"no title shown", "del p.Root.ViewerPreferences", "Matterhorn 07-001"},
        {"a heading level skipped",
         "[e.__setitem__('/S', pikepdf.Name('/H3')) for e in p.objects if isinstance(e, pikepdf.Dictionary) and "
         "e.get('/S') == '/H2']",
         "Matterhorn 14-003"},
        {"the words out of order", "k = p.Root.StructTreeRoot.K[0].K; first = k[0]; del k[0]; k.append(first)",
         "Reading order"},
    };
    for (const auto& b : broken) {
        CAPTURE(b.name);
        const std::string out = dir.file("bad.pdf");
        auto m =
            run("/usr/bin/python3 -c " + quote(std::string("import pikepdf\np = pikepdf.open('") +
                                               dir.file("good.pdf") + "')\n" + b.change + "\np.save('" + out + "')\n"));
        INFO(m.err);
        REQUIRE(m.status == 0);
        auto c = check_pdf(out, content);
        CHECK(c.status == 1);
        CHECK(c.out.find(b.finding) != std::string::npos);
        INFO(c.out);
    }
}

TEST_CASE("sub-headings are H3 and lists nest three levels, in order, in every layout", "[e2e][a11y]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\ndisclaimer = \"D\"\n");
    dir.write(
        "meds.toml",
        "title = \"Living with Crohn's disease\"\nreviewed = 2026-10-01\n\n[[section]]\nheading = \"Your medicines\"\n"
        "body = \"\"\"\nMost people take more than one medicine.\n\n### Taking them safely\n\n"
        "1. Take each dose at the same time every day.\n   - With food, if the label says so:\n"
        "     - breakfast is easiest;\n     - set a phone reminder.\n   - Never double a missed dose.\n"
        "2. Bring the list to every appointment.\n\n### When to call\n\n"
        "Call us if you have a fever over 38 &deg;C or pain that is getting worse.\n\"\"\"\n");
    for (const char* layout : kLayouts) {
        CAPTURE(layout);
        const std::string pdf = build_checked(dir, "meds", layout);
        const std::string tree = run("pdfinfo -struct-text " + quote(pdf)).out;
        CHECK(tree.find("H3 (block)\n") != std::string::npos);
        // Three lists, one inside another's item body.
        CHECK(tree.find("            LI (block)\n              Lbl") != std::string::npos);
        CHECK(tree.find("                  LI (block)\n                    Lbl") != std::string::npos);
    }
}

TEST_CASE("code, version, review dates and sources are printed, and the sources read in order", "[e2e][a11y]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\ndisclaimer = \"For information only.\"\n");
    dir.write(
        "ra.toml",
        "title = \"Stem cells and rheumatoid arthritis\"\ncode = \"RHEU-014\"\nversion = \"2\"\nreviewed = 2026-10-01\n"
        "references = [\"Smith J. *Stem cells in arthritis*. 2024.\", \"NICE guidance "
        "https://www.nice.org.uk/guidance/ng100\"]\n"
        "[[section]]\nheading = \"About\"\nbody = \"It is not a cure.\"\n");
    for (const char* layout : kLayouts) {
        CAPTURE(layout);
        const std::string pdf = build_checked(dir, "ra", layout);
        // In drawing order, lines joined: the label before its item, the small print in one piece.
        std::string text;
        for (const auto& w : words(run("pdftotext -raw " + quote(pdf) + " -").out)) text += w + " ";
        CHECK(text.find(
                  "RHEU-014 \u00B7 Version 2 \u00B7 Reviewed October 1, 2026 \u00B7 Next review October 1, 2027.") !=
              std::string::npos);
        CHECK(text.find("Sources") != std::string::npos);
        CHECK(text.find("1. Smith J. Stem cells in arthritis. 2024.") != std::string::npos);
        CHECK(text.find("2. NICE guidance") != std::string::npos);
        CHECK(run("pdfinfo " + quote(pdf)).out.find("Tagged:          yes") != std::string::npos);
    }
}

TEST_CASE("a figure is embedded, captioned and tagged with its alternative text in every layout", "[e2e][a11y]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\ndisclaimer = \"D\"\n");
    fs::copy_file(data_dir() + "/logo.png", dir.file("inhaler.png"));
    dir.write(
        "fig.toml",
        "title = \"Using your inhaler\"\nreviewed = 2026-10-01\n[[section]]\nheading = \"Step by step\"\n"
        "body = \"\"\"\nShake it first.\n\n![An inhaler held upright](inhaler.png \"Hold the inhaler upright.\")\n\n"
        "Breathe out, then press once.\n\"\"\"\n");
    for (const char* layout : kLayouts) {
        CAPTURE(layout);
        const std::string pdf = build_checked(dir, "fig", layout);
        CHECK(run("pdfimages -list " + quote(pdf)).out.find("240    90  rgb") != std::string::npos);
        const std::string tree = run("pdfinfo -struct-text " + quote(pdf)).out;
        CHECK(tree.find("Figure:") != std::string::npos);
        CHECK(tree.find("Caption\n      \"Hold the inhaler upright.\"") != std::string::npos);
        auto alt = run("/usr/bin/python3 -c " +
                       quote("import pikepdf\np = pikepdf.open('" + pdf +
                             "')\nprint([str(o.Alt) for o in p.objects if "
                             "isinstance(o, pikepdf.Dictionary) and o.get('/S') == '/Figure' and '/Alt' in o])"));
        CHECK(alt.out.find("'An inhaler held upright'") != std::string::npos);
    }
}

TEST_CASE("a table: header repeated on a new page as furniture, read once, tagged with scopes, in every layout",
          "[e2e][a11y]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"C\"\nphone = \"555 0100\"\ndisclaimer = \"D\"\n");
    std::string rows;
    for (int i = 1; i <= 45; ++i)
        rows +=
            "| Day " + std::to_string(i) + " | Take " + std::to_string(i % 3 + 1) + " tablets with food | Check |\n";
    dir.write("plan.toml",
              "title = \"Your dose plan\"\nreviewed = 2026-10-01\n[[section]]\nheading = \"Doses\"\nbody = \"\"\"\n"
              "Follow the plan below.\n\n| When | How much | Done |\n|:--|:--|:-:|\n" +
                  rows + "\nThat is all.\n\"\"\"\n");
    for (const char* layout : kLayouts) {
        CAPTURE(layout);
        const std::string pdf = build_checked(dir, "plan", layout);
        // Page 2 starts with the header again (on a trifold, the panels after the flap do).
        const std::string page2 = run("pdftotext -f 2 -l 2 -layout " + quote(pdf) + " -").out;
        const auto first = page2.find_first_not_of(" \n");
        CHECK(page2.compare(first, 4, "When") == 0);
        auto scopes =
            run("/usr/bin/python3 -c " +
                quote("import pikepdf\np = pikepdf.open('" + pdf +
                      "')\nprint(sum(1 for o in p.objects if "
                      "isinstance(o, pikepdf.Dictionary) and o.get('/S') == '/TH' and o.A.Scope == '/Column'))"));
        CHECK(scopes.out == "3\n");
    }
    // A table that cannot fit its column is an error at the table.
    std::string wide = "| ";
    for (int c = 0; c < 12; ++c) wide += "Supercalifragilistic" + std::to_string(c) + " | ";
    wide += "\n|";
    for (int c = 0; c < 12; ++c) wide += "---|";
    wide += "\n|";
    for (int c = 0; c < 12; ++c) wide += " x |";
    dir.write("wide.toml", "title = \"T\"\n[[section]]\nbody = \"\"\"\n" + wide + "\n\"\"\"\n");
    auto w = run(cli("build wide.toml -o wide.pdf"), dir.path());
    CHECK(w.status == 1);
    CHECK(w.err.find("wide.toml:4:3: error: the table is too wide for its column: its 12 columns need at least") !=
          std::string::npos);
}

TEST_CASE("what real leaflets hold: table, figure, three-level list, sub-heading, link and sources, in every layout",
          "[e2e][a11y]") {
    TempDir dir;
    dir.write("brand.toml",
              "name = \"Northside Chest Clinic\"\nphone = \"+44 161 496 0000\"\ndisclaimer = \"General information "
              "only.\"\n");
    fs::copy_file(data_dir() + "/logo.png", dir.file("spacer.png"));
    dir.write(
        "asthma.toml",
        "title = \"Asthma: your action plan\"\ncode = \"RESP-007\"\nversion = \"3\"\nreviewed = 2026-09-01\n"
        "references = [\"British Thoracic Society. *Asthma guideline*. 2024.\", \"Asthma + Lung UK "
        "https://www.asthmaandlung.org.uk\"]\n"
        "[[section]]\nheading = \"Know your zones\"\nbody = \"\"\"\nCheck your zone each morning.\n\n"
        "| Zone | Signs | What to do |\n|:--|:--|:--|\n| Green | No cough, sleeping well | Take your preventer |\n"
        "| Yellow | Cough, wheeze, tight chest | Use your reliever; call us if it lasts |\n"
        "| Red | Lips blue, cannot speak | Call 999 now |\n\n### Using a spacer\n\n"
        "![A spacer fitted to an inhaler](spacer.png \"Fit the spacer before each dose.\")\n\n"
        "1. Shake the inhaler.\n   - Fit the spacer:\n     - mouthpiece first;\n     - then the inhaler.\n"
        "2. Breathe in slowly.\n\nMore help on [the charity's "
        "site](https://www.asthmaandlung.org.uk/living-with/).\n\"\"\"\n");
    for (const char* layout : kLayouts) {
        CAPTURE(layout);
        const std::string pdf = build_checked(dir, "asthma", layout);
        const std::string tree = run("pdfinfo -struct-text " + quote(pdf)).out;
        for (const char* tag : {"Table", "TH", "TD", "Figure:", "Caption", "H3", "Lbl", "Link"})
            CHECK(tree.find(tag) != std::string::npos);
        CHECK(run("pdfimages -list " + quote(pdf)).out.find("240    90  rgb") != std::string::npos);
        std::string text;
        for (const auto& w : words(run("pdftotext " + quote(pdf) + " -").out)) text += w + " ";
        // An address may break after '/' or '-' (never with a hyphen added): join such lines.
        for (std::size_t at;
             (at = text.find("- ")) != std::string::npos || (at = text.find("/ ")) != std::string::npos;)
            text.erase(at + 1, 1);
        CHECK(text.find("(www.asthmaandlung.org.uk/living-with)") != std::string::npos);
        CHECK(text.find("Sources") != std::string::npos);
        CHECK(text.find("RESP-007") != std::string::npos);
        CHECK(text.find("1. Shake the inhaler.") != std::string::npos);  // the list after the figure keeps its label
    }
}
