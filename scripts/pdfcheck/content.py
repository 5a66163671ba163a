"""Content streams: marked content (PDF/UA-1 7.1), the language of text (7.2), the glyphs shown
(handed to the font checks) and the text of each marked-content sequence, through Form XObjects."""
import re

import pikepdf
from pikepdf import Name

from . import colour
from .report import objgen

LANG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")

PAINT = {"TJ", "Tj", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI", "INLINE IMAGE"}
SHOW = {"TJ", "Tj", "'", '"'}
# The operators the walk acts on, for pikepdf to return no others (Chromium's Td, one a glyph, are
# half of its operators); an inline image is asked for as BI ID EI.
WANTED = " ".join(sorted(({"BDC", "BMC", "EMC", "q", "Q", "Tr", "Tf"} | PAINT | colour.OPS) - {"INLINE IMAGE", "BI"})
                  + ["BI", "ID", "EI"])


class Marked:
    """The marked-content stack as the content painted under it sees it."""
    __slots__ = ("local", "all", "in_actual", "replaced", "lang_missing", "owner")

    def __init__(self, stack, base, owner, catalog_lang):
        tagged = ("artifact", "mcid")
        self.local = any(e["kind"] in tagged for e in stack[base:])  # marked by this stream itself
        self.all = any(e["kind"] in tagged for e in stack)
        self.in_actual = any(e["actual"] is not None for e in stack)
        self.replaced = self.in_actual or any(e.get("struct_actual") for e in stack)
        # text with no language: none in the catalog or on the stack, in tagged content (not an artifact)
        self.lang_missing = (not catalog_lang and not any(e["lang"] for e in stack) and self.all
                             and not any(e["kind"] == "artifact" for e in stack))
        self.owner = owner


class Walker:
    """Walks every page's content (and the Form XObjects it paints) once.

    texts[(where, mcid)] is the text of a marked-content sequence, where is ("page", index) or
    ("xobject", objgen); lang_of(where, mcid) says the language its structure element gives.
    """

    def __init__(self, pdf, report, fonts, lang_of, catalog_lang):
        self.pdf, self.report, self.fonts = pdf, report, fonts
        self.lang_of, self.catalog_lang = lang_of, catalog_lang
        self.texts = {}
        self.form_uses = {}  # objgen -> times painted, for forms with MCIDs
        self.form_mcids = set()
        self.untagged = {}
        self.no_lang = {}
        self.seen_forms = set()
        self.form_untagged = {}  # objgen -> painting operators a Form XObject leaves unmarked itself
        self.xobj_sp = {}
        self.element_of = lambda where, mcid: None
        self.colours = colour.DeviceColours(report)

    def page(self, page, index):
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        self._stream(page.obj, resources, index + 1, ("page", index), [], depth=0)
        n = self.untagged.pop(index + 1, 0)
        if n:
            self.report.ua("7.1-t03", f"{n} painting operators are neither tagged nor marked as artifacts", index + 1)
        n = self.no_lang.pop(index + 1, 0)
        if n:
            self.report.ua("7.2-t34", f"{n} text-showing operators have no language: no /Lang in the catalog, "
                           "their structure element or their marked content", index + 1)

    def _stream(self, obj, resources, page, where, outer, depth):
        """outer: the marked-content stack the stream is painted inside (a Form XObject's caller's)."""
        fonts_res = resources.get("/Font", pikepdf.Dictionary())
        if isinstance(fonts_res, pikepdf.Dictionary):
            for key in sorted(fonts_res.keys()):  # a set: sorted, for the same order every run
                self.fonts.register(fonts_res.get(key), page)
        stack = list(outer)  # entries: dict(kind, mcid, actual, lang)
        base = len(stack)
        gstack = []
        local_untagged = 0  # painting operators marked neither here nor by the caller's stack
        state = {"font": None, "mode": 0}
        try:
            ops = pikepdf.parse_content_stream(obj, WANTED)
        except Exception as e:
            self.report.cannot(f"the content stream of page {page}", e)
            return 0
        # ins.operator and ins.operands, not `for operands, operator in ops` (unpacking an
        # instruction costs ten times as much, and Chromium shows each glyph with its own Tj).
        marked = self._marked(stack, base)
        colours = self.colours.active
        for ins in ops:
            op = str(ins.operator)
            if op in SHOW:
                if not marked.local:
                    local_untagged += 1
                if not marked.all:
                    self.untagged[page] = self.untagged.get(page, 0) + 1
                self._show(op, ins.operands, state, marked, page)
                continue
            if op in ("BDC", "BMC"):
                self._begin(op, ins.operands, resources, stack, page, where)
                marked = self._marked(stack, base)
            elif op == "EMC":
                if len(stack) <= base:
                    self.report.ua("7.1-t03", "EMC without a marked-content sequence to end", page, matterhorn="")
                else:
                    stack.pop()
                    marked = self._marked(stack, base)
            elif op == "q":
                gstack.append(dict(state))
            elif op == "Q" and gstack:
                state = gstack.pop()
            elif op == "Tr":
                operands = ins.operands
                if operands:
                    state["mode"] = int(operands[0])
            elif op == "Tf":
                operands = ins.operands
                if operands:
                    state["font"] = fonts_res.get(str(operands[0])) if isinstance(operands[0], Name) else None
            if op in PAINT:
                operands = ins.operands
                if not (op == "Do" and operands and self._form(operands[0], resources) is not None):
                    # (a Form XObject is not content itself: what it paints is judged inside it)
                    if not marked.local:
                        local_untagged += 1
                    if not marked.all:
                        self.untagged[page] = self.untagged.get(page, 0) + 1
            if colours and op in colour.OPS:
                self.colours.op(op, ins.operands, resources, page)
            if op == "Do":
                operands = ins.operands
                if operands:
                    self._do(operands[0], resources, page, stack, depth)
        if len(stack) > base:
            self.report.ua("7.1-t03", "a marked-content sequence is not closed", page, matterhorn="")
        return local_untagged

    def _begin(self, op, operands, resources, stack, page, where):
        tag = str(operands[0]) if operands else ""
        props = operands[1] if op == "BDC" and len(operands) > 1 else None
        if isinstance(props, Name):
            props = resources.get("/Properties", pikepdf.Dictionary()).get(str(props))
        mcid = actual = lang = None
        if isinstance(props, pikepdf.Dictionary):
            if "/MCID" in props:
                try:
                    mcid = int(props.MCID)
                except Exception:
                    mcid = None
            if "/ActualText" in props:
                actual = str(props.ActualText)
            if "/Lang" in props:
                lang = str(props.Lang)
                if not LANG.fullmatch(lang):
                    self.report.ua("7.2-t29", f"the /Lang of a marked-content sequence, '{lang}', is not a language tag", page)
                    if lang:
                        self.report.a2("6.7.4-t01", f"the /Lang of a marked-content sequence, '{lang}', is not a language tag", page)
            if tag == "/Span" and lang is None and not self.catalog_lang and not self._inherited(stack, where):
                for key, rule in (("/ActualText", "7.2-t30"), ("/Alt", "7.2-t31"), ("/E", "7.2-t32")):
                    if key in props:
                        self.report.ua(rule, f"a Span's {key[1:]} in the content has no language", page)
        kind = "artifact" if tag == "/Artifact" else "mcid" if mcid is not None else "other"
        if kind == "artifact" and any(e["kind"] == "mcid" for e in stack):
            self.report.ua("7.1-t01", "content marked as an artifact inside tagged content", page)
        if kind == "mcid" and any(e["kind"] == "artifact" for e in stack):
            self.report.ua("7.1-t02", "tagged content inside content marked as an artifact", page)
        if kind == "mcid":
            self.texts.setdefault((where, mcid), "")
            if where[0] == "xobject":
                self.form_mcids.add(where[1])
            if lang is None:
                lang = self.lang_of(where, mcid)
        outer_actual = any(e["actual"] is not None for e in stack)
        struct_actual = kind == "mcid" and self._element_actual(self.element_of(where, mcid))
        stack.append({"kind": kind, "mcid": mcid, "actual": actual, "lang": lang, "where": where,
                      "struct_actual": struct_actual})
        if actual is not None and not outer_actual:
            owner = self._owner(stack)
            if owner is not None:
                self.texts[owner] += actual

    @staticmethod
    def _element_actual(e):
        """Whether a structure element or one of its ancestors gives an /ActualText (ISO 32000-1
        14.9.4: it replaces the content of the element)."""
        for _ in range(64):
            if not isinstance(e, pikepdf.Dictionary) or e.get("/Type") == Name.StructTreeRoot:
                return False
            if "/ActualText" in e:
                return True
            e = e.get("/P")
        return False

    def _inherited(self, stack, where):
        return any(e["lang"] for e in stack)

    @staticmethod
    def _owner(stack):
        e = next((e for e in reversed(stack) if e["kind"] == "mcid"), None)
        return (e["where"], e["mcid"]) if e else None

    def _marked(self, stack, base):
        """What the marked-content stack says of the content painted under it (worked out when the
        stack changes, not for every operator)."""
        return Marked(stack, base, self._owner(stack), self.catalog_lang)

    def _show(self, op, operands, state, marked, page):
        font = state["font"]
        if not operands:
            return
        if op == "TJ":
            strings = [bytes(s) for s in operands[0] if isinstance(s, pikepdf.String)]
        else:
            s = operands[-1]
            strings = [bytes(s)] if isinstance(s, pikepdf.String) else []
        if marked.lang_missing and any(strings):
            self.no_lang[page] = self.no_lang.get(page, 0) + 1
        if font is None:
            return
        show = self.fonts.show
        if len(strings) == 1:
            text = show(font, strings[0], state["mode"], marked.replaced, page)
        else:
            text = "".join(show(font, s, state["mode"], marked.replaced, page) for s in strings)
        if marked.in_actual:
            return
        if marked.owner is not None:
            self.texts[marked.owner] += text

    @staticmethod
    def _form(name, resources):
        xobjects = resources.get("/XObject", pikepdf.Dictionary())
        xobj = xobjects.get(str(name)) if isinstance(name, Name) and isinstance(xobjects, pikepdf.Dictionary) else None
        return xobj if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == Name.Form else None

    def _do(self, name, resources, page, stack, depth):
        xobj = self._form(name, resources)
        if xobj is None and self.colours.active:
            xobjects = resources.get("/XObject")
            image = xobjects.get(str(name)) if isinstance(name, Name) and isinstance(xobjects, pikepdf.Dictionary) else None
            if isinstance(image, pikepdf.Stream):
                self.colours.image(image, resources, page)
        if xobj is None or depth > 12:
            return
        key = objgen(xobj)
        if "/Ref" in xobj:
            self.report.ua("7.20-t01", "a reference XObject", page, key)
        self.form_uses[key] = self.form_uses.get(key, 0) + 1
        if key in self.seen_forms and key not in self.form_mcids:
            # Painted again: its glyphs were seen; what it paints unmarked is unmarked here too
            # unless the caller marks it.
            if not any(e["kind"] in ("artifact", "mcid") for e in stack) and self.form_untagged.get(key):
                self.untagged[page] = self.untagged.get(page, 0) + self.form_untagged[key]
            return
        self.seen_forms.add(key)
        if "/StructParents" in xobj:
            self.xobj_sp[key] = xobj.StructParents
        res = xobj.get("/Resources", resources)
        self.form_untagged[key] = self._stream(xobj, res, page, ("xobject", key), stack, depth + 1)

    def finish(self):
        self.colours.finish(self.pdf)
        for key, n in self.form_uses.items():
            if key in self.form_mcids and n > 1:
                self.report.ua("7.20-t02", f"a Form XObject with tagged content (MCIDs) is painted {n} times", obj=key)
