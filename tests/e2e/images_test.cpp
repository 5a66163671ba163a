// Pictures and the brand's website in whole leaflets: JPEG logos and figures upright for every
// EXIF orientation (checked in the PDF's placement matrices and in poppler's rendering, against
// PIL's reading of the same files), their bytes passed through as DCTDecode; the website a
// tagged link; and the XMP packet well-formed XML whatever the title holds.
#include <catch2/catch.hpp>

#include <sstream>

#include "e2e/run.hpp"
#include "jpeg_maker.hpp"

using namespace leafpress::test;

namespace {

std::string python(const std::string& script, const std::string& cwd = {}, const std::string& args = {}) {
    auto r = run("/usr/bin/python3 -c " + quote(script) + " " + args, cwd);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return r.out;
}

// For every image drawn on page 1: its filter, whether its stream's bytes are those of
// `file`, and the matrix it is drawn with.
const char* kDrawnImages = R"(
import pikepdf, sys
p = pikepdf.open(sys.argv[1]); raw = open(sys.argv[2], 'rb').read()
page = p.pages[0]; xo = page.Resources.XObject
ctm = None
for ops, op in pikepdf.parse_content_stream(page):
    if str(op) == 'cm': ctm = [float(v) for v in ops]
    if str(op) == 'Do' and xo[ops[0]].Subtype == '/Image':
        im = xo[ops[0]]; f = im.get('/Filter')
        f = ','.join(str(x) for x in f) if isinstance(f, pikepdf.Array) else str(f)
        print(f, im.read_raw_bytes() == raw, ' '.join('%g' % v for v in ctm))
)";

int sign(double v) { return v > 1e-6 ? 1 : v < -1e-6 ? -1 : 0; }

}  // namespace

TEST_CASE("a JPEG logo and figure stand upright for every EXIF orientation, passed through as DCTDecode",
          "[e2e][images]") {
    TempDir dir;
    const int W = 320, H = 160;
    const auto upright = quadrants(W, H);
    // The signs of the placement matrix [a b c d] each orientation needs (PDF's y up).
    const int signs[9][4] = {{1, 0, 0, 1},   {1, 0, 0, 1},  {-1, 0, 0, 1}, {-1, 0, 0, -1}, {1, 0, 0, -1},
                             {0, -1, -1, 0}, {0, -1, 1, 0}, {0, 1, 1, 0},  {0, 1, -1, 0}};
    for (int k = 0; k <= 8; ++k) {  // 0: no EXIF at all, the reference
        int sw = 0, sh = 0;
        const auto stored = stored_for(k, upright, W, H, sw, sh);
        const std::string sub = "o" + std::to_string(k) + "/";
        dir.write(sub + "pic.jpg", jpeg_file(stored, sw, sh, {.orientation = k}));
        dir.write(sub + "brand.toml", "name = \"Clinic\"\nphone = \"555 0100\"\nlogo = \"pic.jpg\"\n");
        dir.write(sub + "leaflet.toml",
                  "title = \"Pictures\"\nreviewed = 2026-11-01\n[[section]]\nheading = \"A figure\"\n"
                  "body = \"![Four colours](pic.jpg \\\"The four colours.\\\")\"\n");
        auto b = run(cli("build leaflet.toml -o out.pdf"), dir.file(sub));
        INFO(b.err);
        REQUIRE(b.status == 0);
    }
    // The test's pictures read by PIL: upright, red is at the top left for every orientation.
    const std::string corners = python(
        "from PIL import Image, ImageOps\n"
        "for k in range(9):\n"
        "    im = ImageOps.exif_transpose(Image.open('o%d/pic.jpg' % k)).convert('RGB')\n"
        "    print(im.size[0], im.size[1], *im.getpixel((10, 10)))\n",
        dir.path());
    std::istringstream lines(corners);
    for (int k = 0; k <= 8; ++k) {
        int w = 0, h = 0, r = 0, g = 0, b = 0;
        lines >> w >> h >> r >> g >> b;
        CAPTURE(k);
        CHECK(w == W);
        CHECK(h == H);
        CHECK((r > 180 && g < 80 && b < 80));
    }
    // Each PDF: the logo and the figure (two draws of one XObject) in DCTDecode with the file's
    // own bytes, placed by a matrix turned and mirrored as the orientation says.
    for (int k = 0; k <= 8; ++k) {
        CAPTURE(k);
        const std::string sub = dir.file("o" + std::to_string(k));
        std::istringstream drawn(python(kDrawnImages, sub, "out.pdf pic.jpg"));
        int images = 0;
        std::string filter, same;
        double m[6];
        while (drawn >> filter >> same >> m[0] >> m[1] >> m[2] >> m[3] >> m[4] >> m[5]) {
            ++images;
            CHECK(filter == "/DCTDecode");
            CHECK(same == "True");
            for (int i = 0; i < 4; ++i) CHECK(sign(m[i]) == signs[k][i]);
        }
        CHECK(images == 2);
        // poppler draws the page as it draws the upright reference (JPEG's losses aside).
        REQUIRE(run("pdftoppm -r 50 -f 1 -l 1 -singlefile -png out.pdf page", sub).status == 0);
        // And so does preview (cairo).
        REQUIRE(run(cli("preview leaflet.toml -o preview --dpi 50"), sub).status == 0);
    }
    const std::string diffs = python(
        "from PIL import Image, ImageChops, ImageStat\n"
        "ref = Image.open('o0/page.png').convert('RGB')\n"
        "shown = Image.open('o0/preview/leaflet-a4-1.png').convert('RGB')\n"
        "for k in range(1, 9):\n"
        "    d = ImageChops.difference(ref, Image.open('o%d/page.png' % k).convert('RGB'))\n"
        "    e = ImageChops.difference(shown, Image.open('o%d/preview/leaflet-a4-1.png' % k).convert('RGB'))\n"
        "    print('%.3f %.3f' % (max(ImageStat.Stat(d).mean), max(ImageStat.Stat(e).mean)))\n",
        dir.path());
    std::istringstream mean(diffs);
    for (int k = 1; k <= 8; ++k) {
        double pdf = 99, preview = 99;
        mean >> pdf >> preview;
        CAPTURE(k);
        CHECK(pdf < 0.3);  // a picture drawn turned or mirrored differs by several units
        CHECK(preview < 0.3);
    }
}

TEST_CASE("the website printed in the call to action is a link, tagged Link like a body's", "[e2e][images][website]") {
    TempDir dir;
    dir.write("brand.toml",
              "name = \"Clinic\"\nphone = \"555 0100\"\nwebsite = \"https://example.org/clinic\"\n"
              "address = \"1 Main St\"\nhours = \"Mon-Fri 8-5\"\n");
    dir.write("leaflet.toml",
              "title = \"T\"\nreviewed = 2026-11-01\n[[section]]\nheading = \"H\"\n"
              "body = \"Read [the guide](https://example.org/guide).\"\n");
    for (const char* layout : {"a4", "trifold"}) {
        CAPTURE(layout);
        auto b = run(cli(std::string("build leaflet.toml -o out.pdf --layout ") + layout), dir.path());
        INFO(b.err);
        REQUIRE(b.status == 0);
        // Every annotation: where it goes, and the structure element its StructParent names.
        const std::string links = python(R"(
import pikepdf, sys
p = pikepdf.open('out.pdf')
nums = {}
def walk(node):
    if '/Nums' in node:
        a = node.Nums
        for i in range(0, len(a), 2): nums[int(a[i])] = a[i + 1]
    for kid in node.get('/Kids', []): walk(kid)
walk(p.Root.StructTreeRoot.ParentTree)
for page in p.pages:
    for a in page.get('/Annots', []):
        e = nums.get(int(a.StructParent)) if '/StructParent' in a else None
        print(str(a.A.URI), str(e.S) if e is not None else 'untagged')
)",
                                         dir.path());
        CHECK(links.find("https://example.org/clinic /Link") != std::string::npos);
        CHECK(links.find("https://example.org/guide /Link") != std::string::npos);
        CHECK(run("qpdf --check out.pdf", dir.path()).status == 0);
        // The printed website is where the link is: the annotation's text is the address.
        const std::string text = run("pdftotext out.pdf -", dir.path()).out;
        CHECK(text.find("https://example.org/clinic") != std::string::npos);
        // The contract's back-panel keys: the address and the opening hours, with no finding.
        CHECK(text.find("1 Main") != std::string::npos);
        CHECK(text.find("Mon-Fri 8-5") != std::string::npos);
        CHECK(b.err.find("input.unknown-key") == std::string::npos);
    }
    // The print-shop PDF has no annotations at all (PDF/X-4).
    REQUIRE(run(cli("build leaflet.toml -o print.pdf --print"), dir.path()).status == 0);
    CHECK(python(
              "import pikepdf\np = pikepdf.open('print.pdf')\nprint(sum(len(pg.get('/Annots', [])) for pg in p.pages))",
              dir.path()) == "0\n");
}

TEST_CASE("the XMP packet is well-formed XML with markup characters in the title", "[e2e][images][xmp]") {
    TempDir dir;
    dir.write("brand.toml", "name = \"A & B <Clinic>\"\nphone = \"555 0100\"\n");
    dir.write("leaflet.toml",
              "title = \"Tom's <b>\\\"care\\\"</b> & 'more' >\"\nsummary = \"x < y & z\"\nreviewed = 2026-11-01\n"
              "[[section]]\nheading = \"H\"\nbody = \"Text.\"\n");
    auto b = run(cli("build leaflet.toml -o out.pdf"), dir.path());
    INFO(b.err);
    REQUIRE(b.status == 0);
    const std::string out = python(R"(
import pikepdf, xml.etree.ElementTree as ET
x = pikepdf.open('out.pdf').Root.Metadata.read_bytes()
open('xmp.xml', 'wb').write(x)
root = ET.fromstring(x)
ns = {'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'dc': 'http://purl.org/dc/elements/1.1/'}
print(root.find('.//dc:title//rdf:li', ns).text)
print(root.find('.//dc:creator//rdf:li', ns).text)
)",
                                   dir.path());
    CHECK(out == "Tom's <b>\"care\"</b> & 'more' >\nA & B <Clinic>\n");
    CHECK(run("xmllint --noout xmp.xml", dir.path()).status == 0);
}
