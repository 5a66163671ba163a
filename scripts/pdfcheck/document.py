"""File-level rules: version and identification in the XMP (PDF/UA-1 5, 7.1; PDF/A-2 6.6.4), the
catalog (MarkInfo, Suspects, ViewerPreferences, Lang, outlines), optional content (7.10),
embedded files (7.11), XFA (7.15), encryption (7.16), and what PDF/A-2 forbids."""
import re
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name

from .structure import LANG, as_list
from .annots import clip_alt_ok
from .report import objgen

UAID = "http://www.aiim.org/pdfua/ns/id/"
AID = "http://www.aiim.org/pdfa/ns/id/"
XMLNS = "http://www.w3.org/XML/1998/namespace"
FORBIDDEN_ACTIONS = {"Launch", "Sound", "Movie", "ResetForm", "ImportData", "Hide", "SetOCGState", "Rendition",
                     "Trans", "GoTo3DView", "JavaScript"}


def xmp_text(pdf):
    md = pdf.Root.get("/Metadata")
    if not isinstance(md, pikepdf.Stream):
        return None
    try:
        return md.read_bytes().decode("utf-8", "replace")
    except Exception:
        return None


def prefixed(xmp, ns, prop):
    """[(prefix, value)] of every use of property prop in namespace ns (element or attribute)."""
    out = []
    prefixes = set(re.findall(r'xmlns:([\w.-]+)\s*=\s*["\']' + re.escape(ns) + r'["\']', xmp))
    for p in prefixes:
        for m in re.finditer(rf"<{re.escape(p)}:{prop}\b[^>]*>\s*([^<]*)<", xmp):
            out.append((p, m.group(1).strip()))
        for m in re.finditer(rf"\b{re.escape(p)}:{prop}\s*=\s*[\"']([^\"']*)[\"']", xmp):
            out.append((p, m.group(1).strip()))
    return out


def claims(pdf):
    """The standards the file says it conforms to: a subset of ua1, a2a, a2b, a2u, x4."""
    xmp = xmp_text(pdf) or ""
    out = set()
    if any(v == "1" for _, v in prefixed(xmp, UAID, "part")):
        out.add("ua1")
    if any(v == "2" for _, v in prefixed(xmp, AID, "part")):
        conf = [v.lower() for _, v in prefixed(xmp, AID, "conformance")]
        out.add("a2" + (conf[0] if conf else "b"))
    if re.search(r"GTS_PDFXVersion[^>]*>\s*PDF/X-4", xmp) or re.search(r"GTS_PDFXVersion\s*=\s*[\"']PDF/X-4", xmp):
        out.add("x4")
    return out


def check(pdf, path, report, level):
    root = pdf.Root
    r = report
    with open(path, "rb") as f:
        head = f.read(1024)
    if not re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)", head):
        r.ua("6.1-t01", "the file header is not %PDF-1.n (n 0 to 7) and an end of line")
    mark = root.get("/MarkInfo", pikepdf.Dictionary())
    if not bool(mark.get("/Marked", False)):
        r.ua("6.2-t01", "the catalog has no /MarkInfo << /Marked true >>")
        r.a2("6.7.2.2-t01", "the catalog has no /MarkInfo << /Marked true >>")
    if bool(mark.get("/Suspects", False)):
        r.ua("7.1-t04", "/MarkInfo /Suspects is true")
    vp = root.get("/ViewerPreferences", pikepdf.Dictionary())
    if "/DisplayDocTitle" not in vp:
        r.ua("7.1-t10", "/ViewerPreferences has no /DisplayDocTitle: viewers show the file name, not the title")
    elif not bool(vp.DisplayDocTitle):
        r.ua("7.1-t10", "/ViewerPreferences /DisplayDocTitle is false", matterhorn="07-002")
    if "/StructTreeRoot" not in root:
        r.ua("7.1-t11", "no structure tree: the document is not tagged")
        r.a2("6.7.3.3-t01", "no structure tree: the document is not tagged")
    lang = str(root.get("/Lang", ""))
    if "/Lang" in root and not LANG.fullmatch(lang):
        r.ua("7.2-t29", f"the catalog's /Lang '{lang}' is not a language tag")
        if lang:
            r.a2("6.7.4-t01", f"the catalog's /Lang '{lang}' is not a language tag")
    has_lang = bool(lang)
    if "/Outlines" in root and not has_lang and "/First" in root.Outlines:
        r.ua("7.2-t02", "the outline has no language: the catalog has no /Lang")
    xmp = xmp_text(pdf)
    check_xmp(pdf, xmp, r, has_lang)
    check_objects(pdf, r, level)
    if pdf.is_encrypted:
        if not pdf.allow.accessibility:
            r.ua("7.16-t01", "the file is encrypted and its permissions (/P bit 10) do not allow assistive technology")
        r.a2("6.1.3-t02", "the file is encrypted")
    oc = root.get("/OCProperties")
    if isinstance(oc, pikepdf.Dictionary):
        configs = ([("D", oc.D)] if "/D" in oc else []) + [("Configs", c) for c in as_list(oc.get("/Configs"))]
        for where, c in configs:
            if not isinstance(c, pikepdf.Dictionary):
                continue
            if not str(c.get("/Name", "")):
                r.ua("7.10-t01", f"an optional content configuration ({where}) has no /Name",
                     matterhorn="20-002" if where == "D" else "20-001")
            if "/AS" in c:
                r.ua("7.10-t02", f"an optional content configuration ({where}) has an /AS entry")
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
        xfa = form.XFA
        parts = [x for x in as_list(xfa) if isinstance(x, pikepdf.Stream)]
        text = b"".join(p.read_bytes() for p in parts)
        if re.search(rb"<dynamicRender\b[^>]*>\s*required\s*<", text):
            r.ua("7.15-t01", "the file is a dynamic XFA form (dynamicRender required)")


def check_xmp(pdf, xmp, r, has_lang):
    if xmp is None:
        r.ua("7.1-t08", "the catalog has no XMP /Metadata stream")
        r.ua("5-t01", "there is no XMP metadata, so no PDF/UA identification")
        r.a2("6.6.4-t01", "there is no XMP metadata, so no PDF/A identification")
        return
    try:
        tree = ET.fromstring(re.sub(r"^[^<]*(<\?xpacket[^>]*\?>)?", "", xmp.strip(), count=1).encode("utf-8"))
    except ET.ParseError as e:
        tree = None
        r.ua("7.1-t08", f"the XMP metadata is not well-formed XML ({e})", matterhorn="06-001")
    parts = prefixed(xmp, UAID, "part")
    if not parts:
        r.ua("5-t01", "the XMP metadata has no PDF/UA identification (pdfuaid:part)")
    elif not any(v == "1" for _, v in parts):
        r.ua("5-t02", f"pdfuaid:part is {parts[0][1]}, not 1")
    for prop, rule in (("part", "5-t03"), ("amd", "5-t04"), ("corr", "5-t05")):
        for p, _ in prefixed(xmp, UAID, prop):
            if p != "pdfuaid":
                r.ua(rule, f"the PDF/UA identification's {prop} has the prefix {p}, not pdfuaid")
    if tree is not None:
        titles = [el for el in tree.iter("{http://purl.org/dc/elements/1.1/}title")]
        if not titles or not any("".join(t.itertext()).strip() for t in titles):
            r.ua("7.1-t09", "the XMP metadata has no dc:title")
        if not has_lang:
            for alt in tree.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Alt"):
                langs = [li.get(f"{{{XMLNS}}}lang") for li in alt]
                if langs and all(lang == "x-default" for lang in langs):
                    r.ua("7.2-t33", "the XMP metadata has an x-default language alternative and the catalog has no /Lang")
                    break
    elif "dc:title" not in xmp:
        r.ua("7.1-t09", "the XMP metadata has no dc:title")
    aparts = prefixed(xmp, AID, "part")
    conf = prefixed(xmp, AID, "conformance")
    # The identification schema has both properties (ISO 19005-2 6.6.4, Table 2): without a part
    # or with an empty conformance there is no PDF/A identification to judge.
    if not aparts or not any(v.strip() for _, v in conf):
        r.a2("6.6.4-t01", "the XMP metadata has no PDF/A identification: "
             + ("no pdfaid:part" if not aparts else "its pdfaid:conformance is missing or empty"))
    else:
        if not any(v == "2" for _, v in aparts):
            r.a2("6.6.4-t02", f"pdfaid:part is {aparts[0][1]}, not 2")
        if r.wants("a2") and "a2a" in r.standards and not any(v == "A" for _, v in conf):
            r.a2("6.6.4-t03", "pdfaid:conformance is not A")
        for prop, rule in (("part", "6.6.4-t04"), ("conformance", "6.6.4-t05"), ("amd", "6.6.4-t06"), ("corr", "6.6.4-t07")):
            for p, _ in prefixed(xmp, AID, prop):
                if p != "pdfaid":
                    r.a2(rule, f"the PDF/A identification's {prop} has the prefix {p}, not pdfaid")


def check_objects(pdf, r, level):
    """Every object once: embedded files, media clips, actions, filters, transparency groups."""
    intents = [i for i in as_list(pdf.Root.get("/OutputIntents")) if isinstance(i, pikepdf.Dictionary)]
    pdfa_intent = [i for i in intents if i.get("/S") == Name.GTS_PDFA1]
    # A PDF/A output intent is needed only where device colours are used (6.2.4.3): colour.py.
    trailer_id = pdf.trailer.get("/ID")
    if not isinstance(trailer_id, pikepdf.Array) or len(trailer_id) == 0:
        r.a2("6.1.3-t01", "the file trailer has no /ID (file identifiers)")
    profiles = {objgen(i.get("/DestOutputProfile")) for i in intents if "/DestOutputProfile" in i}
    if len(profiles) > 1:
        r.a2("6.2.3-t02", "the output intents do not share one ICC profile")
    names = pdf.Root.get("/Names", pikepdf.Dictionary())
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        r.a2("6.6.2-t01", "the catalog's name tree has JavaScript")
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        try:
            if "/EF" in obj:
                if not str(obj.get("/F", "")) or not str(obj.get("/UF", "")):
                    r.ua("7.11-t01", "an embedded file's specification lacks a non-empty /F or /UF", obj=objgen(obj))
                if "/F" not in obj or "/UF" not in obj:
                    r.a2("6.8-t02", "an embedded file's specification lacks /F or /UF", obj=objgen(obj))
            if obj.get("/S") == Name.MCD or obj.get("/Type") == Name.MediaClip:
                if "/CT" not in obj:
                    r.ua("7.18.6.2-t01", "a media clip has no /CT (content type)", obj=objgen(obj))
                if not clip_alt_ok(obj):
                    r.ua("7.18.6.2-t02", "a media clip has no /Alt of language and text pairs, each text not empty",
                         obj=objgen(obj))
            s = obj.get("/S")
            if isinstance(s, Name) and str(s)[1:] in FORBIDDEN_ACTIONS and ("/Type" not in obj or obj.Type == Name.Action):
                r.a2("6.5.1-t01", f"a {str(s)[1:]} action", obj=objgen(obj))
            if isinstance(obj, pikepdf.Stream):
                f = obj.get("/Filter")
                if any(x in (Name.LZWDecode, Name.Crypt) for x in as_list(f)):
                    r.a2("6.1.7.2-t01", "a stream with the LZWDecode or Crypt filter", obj=objgen(obj))
        except Exception:
            continue
    if not pdfa_intent:
        for i, page in enumerate(pdf.pages):
            g = page.obj.get("/Group")
            if isinstance(g, pikepdf.Dictionary) and g.get("/S") == Name.Transparency and "/CS" not in g:
                r.a2("6.2.10-t02", "a page has a transparency group without a blending colour space and the file "
                     "has no PDF/A output intent", page=i + 1)
