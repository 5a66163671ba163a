"""leafpress's own checks of its leaflets: the words of the content in the structure tree's order,
the brand's taglines in their languages, and the print-shop rules of PDF/X-4 a program can check."""
import html
import re
import tomllib
import unicodedata

import pikepdf
from pikepdf import Name


class Failures:
    """The old interface, fail(rule, message), on top of a Report."""

    def __init__(self, report):
        self.report = report

    def __call__(self, rule, message):
        if rule.startswith("PDF/X-4 "):
            self.report.add("x4", rule[len("PDF/X-4 "):], message)
        else:
            self.report.leafpress(rule, message)


MM3 = 3 * 72 / 25.4 - 0.01


def check_pdfx(pdf, fail):
    root = pdf.Root
    xmp = root.Metadata.read_bytes().decode("utf-8", "replace") if "/Metadata" in root else ""
    if "GTS_PDFXVersion>PDF/X-4<" not in xmp:
        fail("PDF/X-4 6.7.5", "the XMP metadata does not say pdfxid:GTS_PDFXVersion PDF/X-4")
    for key in ("xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass", "pdf:Trapped", "xmp:CreateDate"):
        if f"<{key}>" not in xmp:
            fail("PDF/X-4 6.7", f"the XMP metadata has no {key}")
    if str(pdf.trailer.get("/Info", {}).get("/Trapped", "")) not in ("/True", "/False"):
        fail("PDF/X-4 6.7.4", "the Info dictionary's /Trapped is not /True or /False")
    intents = root.get("/OutputIntents", [])
    pdfx = [i for i in intents if i.get("/S") == Name.GTS_PDFX]
    if len(pdfx) != 1 or "/DestOutputProfile" not in pdfx[0] or int(pdfx[0].DestOutputProfile.get("/N", 0)) != 4:
        fail("PDF/X-4 6.2.2", "no single GTS_PDFX output intent with a CMYK (N 4) profile")
    elif any(i.get("/DestOutputProfile") is not None and i.DestOutputProfile.objgen != pdfx[0].DestOutputProfile.objgen
             for i in intents):
        fail("PDF/A-2 6.2.3", "the output intents do not share one profile")
    for n, page in enumerate(pdf.pages, 1):
        for op in pikepdf.parse_content_stream(page):
            if str(op.operator) in ("rg", "RG"):
                fail("CMYK", f"page {n}: an RGB colour ({op.operator})")
                break
        media = [float(v) for v in page.obj.get("/MediaBox")]
        printed = [float(v) for v in page.obj.get("/BleedBox", page.obj.get("/MediaBox"))]
        for a in page.obj.get("/Annots", []):
            r = [float(v) for v in a.get("/Rect", [0, 0, 0, 0])]
            inside = r[0] < printed[2] and r[2] > printed[0] and r[1] < printed[3] and r[3] > printed[1]
            if inside and a.get("/Subtype") not in (Name.PrinterMark, Name.TrapNet):
                fail("PDF/X-4 6.4", f"page {n}: an annotation ({a.get('/Subtype')}) on the printed area")
                break
        if "/TrimBox" not in page.obj or "/BleedBox" not in page.obj:
            fail("PDF/X-4 6.2.1", f"page {n}: no TrimBox or no BleedBox")
            continue
        trim = [float(v) for v in page.obj.TrimBox]
        bleed = [float(v) for v in page.obj.BleedBox]
        if not (bleed[0] <= trim[0] - MM3 and bleed[1] <= trim[1] - MM3 and bleed[2] >= trim[2] + MM3 and bleed[3] >= trim[3] + MM3):
            fail("Bleed", f"page {n}: the BleedBox is not 3 mm beyond the TrimBox all round")
        if not (media[0] <= bleed[0] and media[1] <= bleed[1] and media[2] >= bleed[2] and media[3] >= bleed[3]):
            fail("PDF/X-4 6.2.1", f"page {n}: the BleedBox is not inside the MediaBox")

    # Every colour space anywhere: images, resources, annotations.
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            cs = obj.get("/ColorSpace")
            if cs is not None and (cs == Name.DeviceRGB or (isinstance(cs, pikepdf.Array) and len(cs) > 1 and cs[0] == Name.ICCBased
                                                            and int(cs[1].get("/N", 0)) == 3)):
                fail("CMYK", "an object in an RGB colour space")
                break
            if obj.get("/Subtype") == Name.Link and "/C" in obj and len(obj.C) == 3:
                fail("CMYK", "a link annotation with an RGB colour")
                break


# Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar)
# break lines between any two characters: there each character is a word of its own.
UNSPACED = re.compile("([\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def normalise(s):
    # Combining marks (Arabic vowel signs, Indic vowel signs and viramas) belong to their word:
    # they are left out on both sides, so that a word is not cut at its marks and marks stored in
    # another order (a shadda before or after its vowel) still match.
    s = "".join(c for c in unicodedata.normalize("NFC", s) if not unicodedata.category(c).startswith("M"))
    s = UNSPACED.sub(r" \1 ", s.lower())
    return [w for w in re.sub(r"[^\w]+", " ", s).split() if w]


def check_words(content_path, text, fail, who="", drop_hyphens=False):
    with open(content_path, "rb") as f:
        doc = tomllib.load(f)
    parts = [doc.get("title", ""), doc.get("subtitle", ""), doc.get("summary", "")]
    for section in doc.get("section", []):
        parts.append(section.get("heading", ""))
        body = section.get("body", "")
        # A figure's alternative text is not printed (it is the Figure's /Alt); its caption is.
        body = re.sub(r'!\[[^\]]*\]\(\s*\S+(?:\s+"([^"]*)")?\s*\)', lambda m: m.group(1) or "", body)
        # A link's text is printed as written (its target after it is not text): "ב[אתר](url)" is
        # the word "באתר"; entities are text.
        body = html.unescape(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body))
        body = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", body, flags=re.M)  # list markers are labels
        parts.append(body)
    parts += [html.unescape(re.sub(r"\]\([^)]*\)", "]", r)) for r in doc.get("references", [])]  # the sources, last
    want_text = " ".join(parts)
    if drop_hyphens:
        want_text, text = want_text.replace("-", ""), text.replace("-", "")
    want = normalise(want_text)
    got = normalise(text)
    k = 0
    for w in got:
        if k < len(want) and w == want[k]:
            k += 1
    if k < len(want):
        around = " ".join(want[max(0, k - 5):k + 5])
        fail("Reading order", f"{who}word {k + 1} of {len(want)} ('{want[k]}') is not where it belongs in the "
                              f"structure tree's text, near: {around}")


def check_taglines(taglines, lang_texts, fail):
    """Every tagline of the brand, whole and in order, in an element marked with its language."""
    with open(taglines, "rb") as f:
        brand = tomllib.load(f)
    for lang, want in brand.get("taglines", {}).items():
        want_words = normalise(want)
        if not any(l == lang and normalise(t) == want_words for l, t in lang_texts):
            fail("Taglines", f"the {lang} tagline is not in the structure tree whole, in an element with /Lang ({lang})")
