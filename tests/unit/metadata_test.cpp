// The XMP packet stays well-formed XML whatever its facts hold: markup characters escaped, and
// characters XML cannot carry (controls, U+FFFE/U+FFFF) replaced, although inputs refuse them
// first (input.control-character).
#include <catch2/catch.hpp>

#include <zlib.h>

#include <hpdf.h>

#include <cstdlib>

#include "support.hpp"
#include "pdf/structure.hpp"

using namespace leafpress;

TEST_CASE("the XMP packet is well-formed XML with markup and control characters in its facts", "[xmp]") {
    pdf::HaruDocument haru(nullptr, nullptr);
    HPDF_Doc doc = haru.get();
    REQUIRE(doc);
    pdf::MetadataFacts facts;
    facts.title = "Tom's <b>\"care\"</b> & more \x01 \x1B \xC2\x85 \xEF\xBF\xBF end";
    facts.author = "A & B <Clinic>\x7F";
    facts.language = "en";
    pdf::write_metadata(haru, facts, {});
    auto meta = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(doc->catalog, "Metadata", HPDF_OCLASS_DICT));
    REQUIRE(meta);
    std::string packed(HPDF_Stream_Size(meta->stream), '\0');
    HPDF_UINT n = static_cast<HPDF_UINT>(packed.size());
    HPDF_Stream_Seek(meta->stream, 0, HPDF_SEEK_SET);
    HPDF_Stream_Read(meta->stream, reinterpret_cast<HPDF_BYTE*>(packed.data()), &n);
    std::string xmp(1 << 16, '\0');
    uLongf size = xmp.size();
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(xmp.data()), &size, reinterpret_cast<const Bytef*>(packed.data()), n) ==
            Z_OK);
    xmp.resize(size);

    test::TempDir dir;
    const std::string file = dir.write("xmp.xml", xmp);
    INFO(xmp);
    CHECK(std::system(("xmllint --noout '" + file + "'").c_str()) == 0);
    CHECK(xmp.find("Tom's &lt;b&gt;&quot;care&quot;&lt;/b&gt; &amp; more \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD "
                   "\xEF\xBF\xBD end") != std::string::npos);
    CHECK(xmp.find("A &amp; B &lt;Clinic&gt;\xEF\xBF\xBD<") != std::string::npos);
}
