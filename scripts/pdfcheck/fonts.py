"""Fonts (PDF/UA-1 7.21, PDF/A-2 6.2.11): embedded, composite fonts' CMaps, TrueType encodings,
a Unicode value for every code shown, widths that match the program, no .notdef shown."""
import re

import pikepdf
from pikepdf import Name

from . import cmaps, fontsets
from .fontprog import TrueType, cff_glyphs, type1_glyphs
from .report import objgen

ORDERINGS = {"Japan1": ("JIS", "RKSJ", "EUC-H", "EUC-V", "H", "V"), "GB1": ("GB",), "CNS1": ("CNS", "B5", "ETen", "HKscs"),
             "Korea1": ("KSC", "UniKS")}
STANDARD_ENCODINGS = ("/WinAnsiEncoding", "/MacRomanEncoding", "/StandardEncoding", "/MacExpertEncoding", "/PDFDocEncoding")


def _ordering_of_cmap_name(name):
    for ordering, prefixes in ORDERINGS.items():
        if any(name.startswith(p) or name.startswith("Uni" + p) for p in prefixes) or name in prefixes:
            return ordering
    return None


class Font:
    """What one font dictionary is, and the codes shown with it."""

    def __init__(self, font):
        self.font = font
        self.key = objgen(font)
        self.subtype = str(font.get("/Subtype", ""))
        self.type0 = self.subtype == "/Type0"
        self.desc = font.DescendantFonts[0] if self.type0 and "/DescendantFonts" in font and len(font.DescendantFonts) else None
        self.cid = self.desc if self.desc is not None else font
        self.descriptor = self.cid.get("/FontDescriptor", pikepdf.Dictionary())
        self.name = str(self.cid.get("/BaseFont", font.get("/BaseFont", "?")))[1:]
        tu = font.get("/ToUnicode")
        self.tounicode = cmaps.ToUnicode(cmaps.read(tu)) if isinstance(tu, pikepdf.Stream) else None
        if self.type0:
            self.cmap_name, self.ranges, self.cmap_stream = cmaps.encoding_cmap(font)
        else:
            self.cmap_name, self.ranges, self.cmap_stream = "", [(1, b"\x00", b"\xff")], None
        self.rendered = set()
        self.shown = set()
        self.decoded = {}  # shown bytes -> (codes, text, whether the text has private-use characters)
        self.pua_outside_actual = False
        self.pages = set()
        self._program = False

    def program(self):
        if self._program is False:
            self._program = None
            d = self.descriptor
            try:
                if isinstance(d.get("/FontFile2"), pikepdf.Stream):
                    self._program = TrueType(d.FontFile2.read_bytes())
                elif isinstance(d.get("/FontFile3"), pikepdf.Stream):
                    sub = str(d.FontFile3.get("/Subtype", ""))
                    if sub in ("/Type1C", "/CIDFontType0C"):
                        self._program = cff_glyphs(d.FontFile3.read_bytes())
                    elif sub == "/OpenType":
                        data = d.FontFile3.read_bytes()
                        self._program = cff_glyphs(data, opentype=True) if b"CFF " in data[:512] else TrueType(data)
                elif isinstance(d.get("/FontFile"), pikepdf.Stream):
                    self._program = type1_glyphs(d.FontFile.read_bytes())
            except Exception:
                self._program = None
        return self._program

    def embedded(self):
        return any(k in self.descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))

    def flags(self):
        try:
            return int(self.descriptor.get("/Flags", 0))
        except Exception:
            return 0

    def symbolic(self):
        return bool(self.flags() & 4)

    def text(self, code):
        if self.tounicode is not None and code in self.tounicode.map:
            return self.tounicode.map[code]
        return None

    def unicode_known(self, code):
        """Whether code has a Unicode value (ToUnicode or a mechanism PDF/UA-1 7.21.7 allows)."""
        t = self.text(code)
        if t is not None:
            return bool(t)
        if self.type0:
            info = self.cid.get("/CIDSystemInfo", pikepdf.Dictionary())
            return str(info.get("/Registry", "")) == "Adobe" and str(info.get("/Ordering", "")) in ORDERINGS
        if self.subtype == "/Type3":
            return False
        enc = self.font.get("/Encoding")
        if isinstance(enc, pikepdf.Dictionary):
            diffs = enc.get("/Differences", [])
            names = {}
            c = 0
            for d in diffs:
                if isinstance(d, int):
                    c = int(d)
                else:
                    names[c] = str(d)[1:]
                    c += 1
            if code in names:
                return bool(re.fullmatch(r"(uni[0-9A-F]{4}|u[0-9A-F]{4,6}|[A-Za-z][A-Za-z]*(\.[a-z0-9]+)?|[a-z]+[0-9]?)", names[code])) \
                    and names[code] != ".notdef"
            return str(enc.get("/BaseEncoding", "")) in STANDARD_ENCODINGS or not self.symbolic()
        if str(enc) in STANDARD_ENCODINGS:
            return True
        return self.subtype == "/TrueType" and not self.symbolic()


class Fonts:
    def __init__(self, report):
        self.report = report
        self.fonts = {}
        self._last = (None, None)

    def get(self, font):
        if font is self._last[0]:  # the same font dict shown with again (the Tf's until the next Tf)
            return self._last[1]
        key = objgen(font) or id(font)
        if key not in self.fonts:
            self.fonts[key] = Font(font)
        self._last = (font, self.fonts[key])
        return self.fonts[key]

    def register(self, font_dict, page):
        """A font in the resources of a content stream: checked whether it shows text or not."""
        if isinstance(font_dict, pikepdf.Dictionary):
            try:
                self.get(font_dict).pages.add(page)
            except Exception:
                pass

    def show(self, font_dict, data, mode, in_actual, page):
        """Records the codes of a shown string and returns its text."""
        try:
            f = self.get(font_dict)
        except Exception:
            return ""
        known = f.decoded.get(data)  # a string is decoded once a font (Chromium shows a glyph a Tj)
        if known is None:
            codes = tuple(cmaps.split_codes(data, f.ranges))
            texts = [f.text(code) or "" for code in codes]
            pua = any(0xE000 <= ord(ch) <= 0xF8FF or ord(ch) >= 0xF0000 for t in texts for ch in t)
            known = f.decoded[data] = (codes, "".join(texts), pua)
        codes, text, pua = known
        if codes:
            f.shown.update(codes)
            f.pages.add(page)
        if mode != 3:
            f.rendered.update(codes)
        if not in_actual and pua:
            f.pua_outside_actual = True
        return text

    def finish(self):
        for f in self.fonts.values():
            try:
                self.check(f)
            except Exception as e:
                self.report.cannot(f"font {f.name}", e)

    def check(self, f):
        r = self.report
        page = min(f.pages) if f.pages else None
        where = dict(page=page, obj=f.key)
        name = f.name
        if f.rendered and f.subtype not in ("/Type3",) and not f.embedded():
            r.ua("7.21.4.1-t01", f"the font {name} is not embedded", **where)
            r.a2("6.2.11.4.1-t01", f"the font {name} is not embedded", **where)
        unmapped = sorted(c for c in f.shown if not f.unicode_known(c))
        if unmapped:
            codes = ", ".join(f"<{c:04X}>" for c in unmapped[:8])
            r.ua("7.21.7-t01", f"{len(unmapped)} codes of the font {name} have no Unicode value (ToUnicode): {codes}", **where)
            r.a2("6.2.11.7.2-t01", f"{len(unmapped)} codes of the font {name} have no Unicode value (ToUnicode): {codes}", **where)
        bad = [c for c in f.shown if (f.text(c) or "") and any(ch in "\x00\ufeff\ufffe" for ch in f.text(c))]
        if bad:
            r.ua("7.21.7-t02", f"the font {name} maps codes to U+0000, U+FEFF or U+FFFE", **where)
            r.a2("6.2.11.7.2-t02", f"the font {name} maps codes to U+0000, U+FEFF or U+FFFE", **where)
        if f.pua_outside_actual:
            r.a2("6.2.11.7.3-t01", f"the font {name} maps a code shown to the Private Use Area without an /ActualText", **where)
        if f.type0:
            self.check_type0(f, where)
        if f.subtype == "/TrueType":
            self.check_truetype(f, where)
        self.check_program(f, where)

    def check_type0(self, f, where):
        r = self.report
        name = f.cmap_name
        if f.cmap_stream is None and name not in cmaps.PREDEFINED:
            r.ua("7.21.3.3-t01", f"the CMap {name} of the font {f.name} is neither embedded nor predefined", **where)
        if f.cmap_stream is not None:
            data = cmaps.read(f.cmap_stream)
            m = re.search(r"/WMode\s+(\d)", data)
            if m and int(f.cmap_stream.get("/WMode", 0)) != int(m.group(1)):
                r.ua("7.21.3.3-t02", f"the WMode of the CMap {name} differs from its stream's", **where)
            use = f.cmap_stream.get("/UseCMap")
            used = [str(use)[1:]] if isinstance(use, Name) else re.findall(r"/([\w-]+)\s+usecmap", data)
            if isinstance(use, pikepdf.Stream) or any(u not in cmaps.PREDEFINED for u in used):
                r.ua("7.21.3.3-t03", f"the CMap {name} uses a CMap that is not predefined", **where)
        if name not in ("Identity-H", "Identity-V") and f.desc is not None:
            info = f.desc.get("/CIDSystemInfo", pikepdf.Dictionary())
            if f.cmap_stream is not None:
                cinfo = f.cmap_stream.get("/CIDSystemInfo", pikepdf.Dictionary())
                if isinstance(cinfo, pikepdf.Array) and len(cinfo):
                    cinfo = cinfo[0]
                reg, ordg, sup = str(cinfo.get("/Registry", "")), str(cinfo.get("/Ordering", "")), int(cinfo.get("/Supplement", 0))
            else:
                reg, ordg, sup = "Adobe", _ordering_of_cmap_name(name) or "", None
            if str(info.get("/Registry", "")) != reg or str(info.get("/Ordering", "")) != ordg or (
                    sup is not None and int(info.get("/Supplement", 0)) > sup):
                r.ua("7.21.3.1-t01", f"the CIDSystemInfo of the font {f.name} does not match its CMap {name}", **where)
        m = f.desc.get("/CIDToGIDMap") if f.desc is not None else None
        if f.desc is not None and f.desc.get("/Subtype") == Name.CIDFontType2 and f.embedded() \
                and not (isinstance(m, pikepdf.Stream) or m == Name.Identity):
            r.ua("7.21.3.2-t01", f"the embedded TrueType CIDFont {f.name} has "
                 + ("no CIDToGIDMap" if m is None else "a CIDToGIDMap that is neither a stream nor /Identity"), **where)

    def check_truetype(self, f, where):
        r = self.report
        enc = f.font.get("/Encoding")
        if f.symbolic():
            if enc is not None:
                r.ua("7.21.6-t03", f"the symbolic TrueType font {f.name} has an Encoding", **where)
            return
        base = enc.get("/BaseEncoding") if isinstance(enc, pikepdf.Dictionary) else enc
        if str(base) not in ("/MacRomanEncoding", "/WinAnsiEncoding"):
            r.ua("7.21.6-t02", f"the non-symbolic TrueType font {f.name} has neither MacRomanEncoding nor WinAnsiEncoding", **where)
        else:
            fontsets.check_differences(r, f, f.program(), where)

    def gid(self, f, code, prog):
        """The glyph a code shows in a TrueType program, None when it cannot be told."""
        if f.type0:
            m = f.desc.get("/CIDToGIDMap") if f.desc is not None else None
            cid = code  # Identity CMaps only
            if f.cmap_name not in ("Identity-H", "Identity-V"):
                return None
            if isinstance(m, pikepdf.Stream):
                b = m.read_bytes()
                return int.from_bytes(b[2 * cid:2 * cid + 2], "big") if 2 * cid + 2 <= len(b) else 0
            return cid
        if f.symbolic():
            for key in ((3, 0), (1, 0)):
                if key in prog.cmaps:
                    c = prog.cmaps[key]
                    return c.get(code, c.get(0xF000 + code, c.get(0xF100 + code, c.get(0xF200 + code, 0))))
            return None
        enc = f.font.get("/Encoding")
        base = enc.get("/BaseEncoding") if isinstance(enc, pikepdf.Dictionary) else enc
        if isinstance(enc, pikepdf.Dictionary) and "/Differences" in enc:
            return None
        if (3, 1) in prog.cmaps:
            try:
                u = ord(bytes([code]).decode("mac_roman" if base == Name.MacRomanEncoding else "cp1252"))
            except Exception:
                return None
            return prog.cmaps[(3, 1)].get(u, 0)
        if (1, 0) in prog.cmaps:
            return prog.cmaps[(1, 0)].get(code, 0)
        return None

    def width(self, f, code):
        if f.type0:
            w = f.desc.get("/W", []) if f.desc is not None else []
            i = 0
            while i < len(w):
                first = int(w[i])
                if i + 1 < len(w) and isinstance(w[i + 1], pikepdf.Array):
                    if first <= code < first + len(w[i + 1]):
                        return float(w[i + 1][code - first])
                    i += 2
                elif i + 2 < len(w):
                    if first <= code <= int(w[i + 1]):
                        return float(w[i + 2])
                    i += 3
                else:
                    break
            return float(f.desc.get("/DW", 1000)) if f.desc is not None else None
        first = int(f.font.get("/FirstChar", 0))
        widths = f.font.get("/Widths")
        if widths is None or not 0 <= code - first < len(widths):
            return None
        return float(widths[code - first])

    def check_program(self, f, where):
        prog = f.program()
        if prog is None:
            return
        r = self.report
        fontsets.check_charset(r, f, prog, where)
        fontsets.check_cidset(r, f, prog, where)
        if not isinstance(prog, TrueType):
            if f.rendered:
                fontsets.check_glyphs(self, f, prog, where)
            return
        if not f.rendered:
            return
        if f.subtype == "/TrueType":
            n = len(prog.cmaps)
            if not f.symbolic() and not ((n > 1) if (3, 0) in prog.cmaps else (n > 0)):
                r.ua("7.21.6-t01", f"the non-symbolic TrueType font {f.name} has no non-symbolic cmap", **where)
            if f.symbolic() and not (n == 1 or (3, 0) in prog.cmaps):
                r.ua("7.21.6-t04", f"the symbolic TrueType font {f.name} has several cmaps and no (3,0) one", **where)
        notdef, missing, widths = [], [], []
        for code in sorted(f.rendered):
            g = self.gid(f, code, prog)
            if g is None:
                continue
            if g == 0:
                notdef.append(code)
                continue
            if g >= prog.num_glyphs:
                missing.append(code)
                continue
            w, adv = self.width(f, code), prog.advance(g)
            if w is not None and adv is not None and abs(w - adv * 1000.0 / prog.units) > 1:
                widths.append(code)
        if notdef:
            r.ua("7.21.8-t01", f"{len(notdef)} codes of the font {f.name} show the .notdef glyph", **where)
        if missing:
            r.ua("7.21.4.1-t02", f"{len(missing)} codes of the font {f.name} show glyphs its program does not have", **where)
        if widths:
            r.ua("7.21.5-t01", f"{len(widths)} glyphs of the font {f.name} have widths that differ from the program's "
                 f"(code <{widths[0]:04X}>)", **where)
