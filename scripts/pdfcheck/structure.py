"""The structure tree (PDF/UA-1 7.1 to 7.9, 7.18.4, PDF/A-2 6.7.3): standard types through the
RoleMap, tables, lists, TOCs, headings, notes, figures and formulas, languages; and its text."""
import re

import pikepdf
from pikepdf import Name

from . import tables
from .report import objgen

STANDARD = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
            "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
            "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
            "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
            "Formula", "Form"}
LANG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
BLOCK_END = {"P", "H1", "H2", "H3", "H4", "H5", "H6", "Lbl", "LBody", "Figure", "Caption", "TH", "TD", "TR"}
KIDS_ONLY = {  # parent: (allowed kid types, rule)
    "Table": ({"TR", "THead", "TBody", "TFoot", "Caption"}, "7.2-t03"),
    "TR": ({"TH", "TD"}, "7.2-t10"), "THead": ({"TR"}, "7.2-t36"), "TBody": ({"TR"}, "7.2-t37"),
    "TFoot": ({"TR"}, "7.2-t38"), "L": ({"L", "LI", "Caption"}, "7.2-t19"), "LI": ({"Lbl", "LBody"}, "7.2-t20"),
    "TOC": ({"TOC", "TOCI", "Caption"}, "7.2-t27"),
}
PARENT_ONLY = {  # kid: (allowed parent types, rule)
    "TR": ({"Table", "THead", "TBody", "TFoot"}, "7.2-t04"), "THead": ({"Table"}, "7.2-t05"),
    "TBody": ({"Table"}, "7.2-t06"), "TFoot": ({"Table"}, "7.2-t07"), "TH": ({"TR"}, "7.2-t08"),
    "TD": ({"TR"}, "7.2-t09"), "LI": ({"L"}, "7.2-t17"), "LBody": ({"LI"}, "7.2-t18"), "TOCI": ({"TOC"}, "7.2-t26"),
}


def as_list(k):
    return list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]


class RoleMap:
    def __init__(self, report, tree):
        self.report = report
        rm = tree.get("/RoleMap", pikepdf.Dictionary())
        self.map = {str(k)[1:]: str(v)[1:] for k, v in rm.items() if isinstance(v, Name)} if isinstance(rm, pikepdf.Dictionary) else {}
        self.reported = set()

    def standard(self, s):
        """The standard type s maps to, None when it does not (findings reported once a type)."""
        seen = [s]
        t = s
        while t not in STANDARD or (t == s and t in self.map and False):
            if t not in self.map:
                self._once(s, "7.1-t05", f"the structure type {s} is not standard and the RoleMap does not map it to one",
                           "6.7.3.4-t01")
                return None
            t = self.map[t]
            if t in seen:
                circle = " -> ".join(seen + [t])
                self._once(s, "7.1-t06", f"the RoleMap maps {s} in a circle ({circle})", "6.7.3.4-t02")
                if s not in STANDARD:  # the mapping never ends at a standard type either
                    self._once(s, "7.1-t05", f"the structure type {s} is not standard and the RoleMap never maps it "
                               f"to one ({circle})", "6.7.3.4-t01")
                return None
            seen.append(t)
        if s in STANDARD and s in self.map:
            self._once(s, "7.1-t07", f"the standard type {s} is remapped to {self.map[s]}", "6.7.3.4-t03")
        return t

    def _once(self, s, rule, message, a2rule):
        if (s, rule) not in self.reported:
            self.reported.add((s, rule))
            self.report.ua(rule, message)
            self.report.a2(a2rule, message)

    def check_cycles(self):
        for s in self.map:
            seen = [s]
            t = s
            while t in self.map:
                t = self.map[t]
                if t in seen:
                    self._once(s, "7.1-t06", f"the RoleMap maps {s} in a circle", "6.7.3.4-t02")
                    break
                seen.append(t)


class Tree:
    """One walk over the structure tree."""

    def __init__(self, pdf, report, catalog_lang, page_index):
        self.pdf, self.report, self.catalog_lang = pdf, report, catalog_lang
        self.page_index = page_index
        self.root = pdf.Root.StructTreeRoot
        self.roles = RoleMap(report, self.root)
        self.roles.check_cycles()
        self.annot_parent = {}  # annotation objgen -> (standard type of the element holding its OBJR, element)
        self.referenced = set()  # (where, mcid)
        self.headings = []  # (standard type, element) in document order
        self.note_ids = {}
        self.visited = set()

    def std(self, element):
        s = str(element.get("/S", "/?"))[1:]
        return self.roles.standard(s) if s else None

    def kid_types(self, element, depth=0):
        """The standard types of an element's kids as veraPDF counts them (getChildrenStandardTypes):
        a NonStruct kid is looked through, its own kids counted in its place (a Chromium LI holds
        Lbl and a NonStruct with the text)."""
        out = []
        for k in as_list(element.get("/K")):
            if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in (Name.MCR, Name.OBJR) and "/S" in k:
                t = self.std(k)
                if t == "NonStruct" and depth < 32:
                    out += self.kid_types(k, depth + 1)
                else:
                    out.append(t)
        return out

    def lang_of_element(self, e):
        for _ in range(64):
            if not isinstance(e, pikepdf.Dictionary):
                return None
            if "/Lang" in e and str(e.Lang):
                return str(e.Lang)
            e = e.get("/P")
        return None

    def walk(self, texts, dump, words, lang_texts):
        def where_of(element, owner):
            if "/Stm" in element:
                return ("xobject", objgen(element.Stm))
            pg = element.get("/Pg", owner.get("/Pg") if owner is not None else None)
            return ("page", self.page_index.get(objgen(pg), -1)) if pg is not None else ("page", -1)

        def walk(element, parent, parent_std, depth):
            if isinstance(element, int):
                return
            if not isinstance(element, pikepdf.Dictionary):
                return
            if element.get("/Type") == Name.MCR:
                key = (where_of(element, parent), int(element.get("/MCID", -1)))
                self.referenced.add(key)
                words.append(texts.get(key, ""))
                return
            if element.get("/Type") == Name.OBJR:
                self.annot_parent[objgen(element.get("/Obj"))] = (parent_std, parent)
                return
            key = objgen(element)
            if key is not None:
                if key in self.visited:
                    return
                self.visited.add(key)
            kind = str(element.get("/S", "/?"))[1:]
            std = self.std(element)
            if "/P" not in element:
                self.report.ua("7.1-t12", f"a {kind} element has no /P (parent) entry", obj=key)
            self.element(element, kind, std, parent_std, key)
            start = len(words)
            line = len(dump)
            dump.append(None)
            own = []
            for k in as_list(element.get("/K")):
                if isinstance(k, int):
                    mk = (where_of(element, None), int(k))
                    self.referenced.add(mk)
                    words.append(texts.get(mk, ""))
                    own.append(words[-1])
                elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.MCR:
                    before = len(words)
                    walk(k, element, std, depth + 1)
                    own.extend(words[before:])
                else:
                    walk(k, element, std, depth + 1)
            lang = f" ({element.Lang})" if "/Lang" in element else ""
            text = re.sub(r"\s+", " ", "".join(own)).strip()
            dump[line] = "  " * depth + kind + lang + (f' "{text}"' if text else "")
            if "/Lang" in element:
                lang_texts.append((str(element.Lang), "".join(words[start:])))
            if kind in BLOCK_END:
                words.append("\n")

        for k in as_list(self.root.get("/K")):
            walk(k, None, "StructTreeRoot", 0)
        self.after()

    def element(self, e, kind, std, parent_std, key):
        r = self.report
        if "/Lang" in e and not LANG.fullmatch(str(e.Lang)):
            r.ua("7.2-t29", f"the /Lang of a {kind} element, '{e.Lang}', is not a language tag", obj=key)
            if str(e.Lang):
                r.a2("6.7.4-t01", f"the /Lang of a {kind} element, '{e.Lang}', is not a language tag", obj=key)
        if not self.catalog_lang and self.lang_of_element(e) is None:
            for k, rule in (("/ActualText", "7.2-t21"), ("/Alt", "7.2-t22"), ("/E", "7.2-t23")):
                if k in e:
                    r.ua(rule, f"the {k[1:]} of a {kind} element has no language", obj=key)
        alt = ("/Alt" in e and str(e.Alt)) or "/ActualText" in e
        if std == "Figure" and not alt:
            r.ua("7.3-t01", f"a Figure ({kind}) without alternative text (/Alt) or /ActualText", obj=key)
        if std == "Formula" and not alt:
            r.ua("7.7-t01", f"a Formula ({kind}) without /Alt or /ActualText", obj=key)
        if std and re.fullmatch(r"H[1-6]?", std):
            self.headings.append((std, key))
        if std == "Note":
            nid = e.get("/ID")
            if nid is None or not bytes(nid):
                r.ua("7.9-t01", "a Note without an /ID", obj=key)
            else:
                self.note_ids.setdefault(bytes(nid), []).append(key)
        if std in PARENT_ONLY and parent_std is not None and parent_std not in PARENT_ONLY[std][0]:
            allowed, rule = PARENT_ONLY[std]
            r.ua(rule, f"a {std} element inside a {parent_std}, not in {' or '.join(sorted(allowed))}", obj=key)
        kids = self.kid_types(e)
        if std in KIDS_ONLY:
            allowed, rule = KIDS_ONLY[std]
            wrong = [k for k in kids if k not in allowed]
            if wrong and None not in wrong:
                r.ua(rule, f"a {std} element holds {', '.join(sorted(set(wrong)))}", obj=key)
        if kids.count("H") > 1:
            r.ua("7.4.4-t01", f"a {kind} element holds {kids.count('H')} H elements", obj=key)
        if std == "Table":
            tables.check_table(self, e, kids, key)
        if std in ("L", "TOC") and "Caption" in kids[1:]:
            r.ua("7.2-t40" if std == "L" else "7.2-t28", f"a {std} element holds a Caption after its first kid", obj=key,
                 also=("7.2-t19" if std == "L" else "7.2-t27",))
        if std == "Form":
            objrs = [k for k in as_list(e.get("/K")) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.OBJR]
            role = any(isinstance(a, pikepdf.Dictionary) and "/Role" in a for a in as_list(e.get("/A")))
            if not role and (len(as_list(e.get("/K"))) != 1 or len(objrs) != 1):
                r.ua("7.18.4-t02", "a Form element without a Role attribute does not hold exactly one widget annotation", obj=key)

    def after(self):
        r = self.report
        kinds = {s for s, _ in self.headings}
        if "H" in kinds and kinds - {"H"}:
            r.ua("7.4.4-t02", "the document uses both H and H1-H6 headings",
                 obj=next(k for s, k in self.headings if s == "H"))
            r.ua("7.4.4-t03", "the document uses both H and H1-H6 headings",
                 obj=next(k for s, k in self.headings if s != "H"))
        levels = [(int(s[1]), k) for s, k in self.headings if s != "H"]
        if levels and levels[0][0] != 1:
            r.ua("7.4.2-t01", f"the first heading is H{levels[0][0]}, not H1", obj=levels[0][1], matterhorn="14-002")
        for (a, _), (b, k) in zip(levels, levels[1:]):
            if b > a + 1:
                r.ua("7.4.2-t01", f"heading levels skip from H{a} to H{b}", obj=k)
                break
        for nid, keys in self.note_ids.items():
            if len(keys) > 1:
                r.ua("7.9-t02", f"{len(keys)} Note elements share the /ID {nid.decode('latin-1')}", obj=keys[1])
