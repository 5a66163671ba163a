"""Annotations (PDF/UA-1 7.18, and 7.2 for the language of their text)."""
import pikepdf
from pikepdf import Name

from .report import objgen


def rect_outside(a, page):
    try:
        r = [float(v) for v in a.get("/Rect")]
        box = [float(v) for v in page.obj.get("/CropBox", page.obj.get("/MediaBox"))]
    except Exception:
        return False
    x0, x1 = sorted((r[0], r[2]))
    y0, y1 = sorted((r[1], r[3]))
    return x1 < box[0] or x0 > box[2] or y1 < box[1] or y0 > box[3]


def field_tu(a):
    """The TU of the form field a widget is: its own when the widget is also the field (it has /T
    or /FT), else its parent field's. TU is not inherited from fields further up."""
    if not isinstance(a, pikepdf.Dictionary):
        return ""
    field = a if ("/T" in a or "/FT" in a) else a.get("/Parent")
    tu = field.get("/TU") if isinstance(field, pikepdf.Dictionary) else None
    return str(tu) if isinstance(tu, pikepdf.String) else ""


def clip_alt_ok(clip):
    """7.18.6.2-t02: a media clip's /Alt is a multi-language text array (ISO 32000-1 7.9.2.2 and
    13.2.4.2): pairs of strings, a language (which may be empty, the default) and a text that is not."""
    alt = clip.get("/Alt")
    if not isinstance(alt, pikepdf.Array) or len(alt) % 2:
        return False
    return all(isinstance(x, pikepdf.String) and (i % 2 == 0 or str(x)) for i, x in enumerate(alt))


def media_clips(obj, depth=0, seen=None):
    """The media clip data dictionaries an annotation's rendition actions play."""
    seen = set() if seen is None else seen
    if depth > 5 or not isinstance(obj, pikepdf.Dictionary) or id(obj) in seen:
        return []
    seen.add(id(obj))
    if obj.get("/S") == Name.MCD:
        return [obj]
    out = []
    for k in ("/A", "/R", "/C", "/Next", "/AA"):
        v = obj.get(k)
        for x in (v if isinstance(v, pikepdf.Array) else [v]):
            out += media_clips(x, depth + 1, seen)
    return out


def check(pdf, report, tree, parents, catalog_lang):
    """tree: structure.Tree or None; parents: StructParent number -> element (the ParentTree)."""
    r = report
    for i, page in enumerate(pdf.pages):
        n = i + 1
        annots = [a for a in (page.obj.get("/Annots") or []) if isinstance(a, pikepdf.Dictionary)]
        if annots and page.obj.get("/Tabs") != Name.S:
            r.ua("7.18.3-t01", "the page has annotations and no /Tabs /S (tab order by structure)", n,
                 matterhorn="28-008" if "/Tabs" not in page.obj else "28-009")
        for a in annots:
            key = objgen(a)
            sub = str(a.get("/Subtype", ""))[1:]
            try:
                flags = int(a.get("/F", 0))
            except Exception:
                flags = 0
            element = parents.get(int(a.StructParent)) if "/StructParent" in a and isinstance(a.StructParent, int) else None
            # An annotation is found from its structure element through its /StructParent (ISO
            # 32000-1 14.7.4.4): an OBJR alone does not tie it.
            std = tree.std(element) if tree is not None and isinstance(element, pikepdf.Dictionary) and "/S" in element else None
            alt = str(element.get("/Alt", "")) if isinstance(element, pikepdf.Dictionary) else ""
            contents = str(a.get("/Contents", ""))
            if sub == "PrinterMark":
                if "/StructParent" in a or (tree is not None and key in tree.annot_parent):
                    r.ua("7.18.8-t01", "a PrinterMark annotation is in the structure tree", n, key)
                continue
            if flags & 2 or rect_outside(a, page) or sub == "Popup":
                continue
            if sub == "TrapNet":
                r.ua("7.18.2-t01", "a TrapNet annotation", n, key)
            if sub not in ("Widget", "Link") and std != "Annot":
                r.ua("7.18.1-t01", f"a {sub} annotation is not in an Annot structure element"
                     + (f" (it is in {std})" if std else ""), n, key)
            if sub != "Widget" and not contents and not alt:
                r.ua("7.18.1-t02", f"a {sub} annotation has neither /Contents nor an /Alt on its structure element", n, key)
            if sub == "Widget":
                if not field_tu(a) and not alt:
                    r.ua("7.18.1-t03", "a form field has neither /TU nor an /Alt on its structure element", n, key)
                if std != "Form":
                    r.ua("7.18.4-t01", "a widget annotation is not in a Form structure element", n, key)
            if sub == "Link":
                if std != "Link":
                    r.ua("7.18.5-t01", "a link annotation is not in a Link structure element"
                         + (f" (it is in {std})" if std else ""), n, key)
                if not contents:
                    r.ua("7.18.5-t02", "a link annotation has no /Contents (alternative description)", n, key)
            if sub == "FileAttachment":
                fs = a.get("/FS")
                if isinstance(fs, pikepdf.Dictionary) and (not str(fs.get("/F", "")) or not str(fs.get("/UF", ""))):
                    r.ua("7.18.7-t01", "a file attachment annotation's file specification lacks a non-empty /F or /UF", n,
                         key, matterhorn="28-016")
            for clip in media_clips(a):
                if "/CT" not in clip:
                    r.ua("7.18.6.2-t01", "a media clip has no /CT (content type)", n, key)
                if not clip_alt_ok(clip):
                    r.ua("7.18.6.2-t02", "a media clip has no /Alt of language and text pairs, each text not empty", n, key)
            lang = catalog_lang or (tree.lang_of_element(element) if tree is not None and element is not None else None) \
                or str(a.get("/Lang", ""))
            if contents and not lang:
                r.ua("7.2-t24", f"the /Contents of a {sub} annotation has no language", n, key)
            # A field's TU takes its language from the catalog or from the /Lang of the field's own
            # structure element (found by its StructParent), not from the element's ancestors.
            own = element.get("/Lang") if isinstance(element, pikepdf.Dictionary) else None
            if sub == "Widget" and field_tu(a) and not catalog_lang and not (isinstance(own, pikepdf.String) and str(own)):
                r.ua("7.2-t25", "the /TU of a form field has no language: neither the catalog nor the field's "
                     "structure element gives a /Lang", n, key)
