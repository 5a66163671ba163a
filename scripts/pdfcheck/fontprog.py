"""Just enough of an embedded TrueType program to know its glyph count, widths and cmap subtables."""
import struct


class TrueType:
    def __init__(self, data):
        self.tables = {}
        n = struct.unpack(">H", data[4:6])[0]
        for i in range(n):
            tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
            self.tables[tag.decode("latin-1")] = data[off:off + length]
        self.num_glyphs = struct.unpack(">H", self.tables["maxp"][4:6])[0] if "maxp" in self.tables else 0
        head = self.tables.get("head", b"")
        self.units = struct.unpack(">H", head[18:20])[0] if len(head) >= 20 else 1000
        self.cmaps = self._cmaps()

    def outlined(self):
        """The glyph ids whose glyf entry is not empty (all, when the tables do not say)."""
        head, loca = self.tables.get("head", b""), self.tables.get("loca")
        if len(head) < 52 or loca is None or "glyf" not in self.tables:
            return set(range(self.num_glyphs))
        long = struct.unpack(">h", head[50:52])[0] == 1
        size, fmt, mul = (4, ">I", 1) if long else (2, ">H", 2)
        offs = [struct.unpack(fmt, loca[i:i + size])[0] * mul for i in range(0, min(len(loca), size * (self.num_glyphs + 1)), size)]
        return {g for g in range(len(offs) - 1) if offs[g + 1] > offs[g]}

    def advance(self, gid):
        """The glyph's advance width in font units, None when the tables do not say."""
        hhea, hmtx = self.tables.get("hhea"), self.tables.get("hmtx")
        if not hhea or not hmtx:
            return None
        count = struct.unpack(">H", hhea[34:36])[0]
        i = min(gid, count - 1)
        if count == 0 or 4 * i + 2 > len(hmtx):
            return None
        return struct.unpack(">H", hmtx[4 * i:4 * i + 2])[0]

    def _cmaps(self):
        """{(platform, encoding): {code: gid}}."""
        out = {}
        cmap = self.tables.get("cmap")
        if not cmap:
            return out
        n = struct.unpack(">H", cmap[2:4])[0]
        for i in range(n):
            pid, eid, off = struct.unpack(">HHI", cmap[4 + 8 * i:12 + 8 * i])
            try:
                out[(pid, eid)] = self._subtable(cmap, off)
            except Exception:
                out[(pid, eid)] = {}
        return out

    @staticmethod
    def _subtable(cmap, off):
        fmt = struct.unpack(">H", cmap[off:off + 2])[0]
        m = {}
        if fmt == 0:
            for c, g in enumerate(cmap[off + 6:off + 262]):
                m[c] = g
        elif fmt == 4:
            segx2 = struct.unpack(">H", cmap[off + 6:off + 8])[0]
            ends = off + 14
            starts = ends + segx2 + 2
            deltas = starts + segx2
            ranges = deltas + segx2
            for s in range(segx2 // 2):
                end, = struct.unpack(">H", cmap[ends + 2 * s:ends + 2 * s + 2])
                start, = struct.unpack(">H", cmap[starts + 2 * s:starts + 2 * s + 2])
                delta, = struct.unpack(">h", cmap[deltas + 2 * s:deltas + 2 * s + 2])
                ro, = struct.unpack(">H", cmap[ranges + 2 * s:ranges + 2 * s + 2])
                for c in range(start, min(end, 0xFFFE) + 1):
                    if ro == 0:
                        g = (c + delta) & 0xFFFF
                    else:
                        p = ranges + 2 * s + ro + 2 * (c - start)
                        g = struct.unpack(">H", cmap[p:p + 2])[0] if p + 2 <= len(cmap) else 0
                        g = (g + delta) & 0xFFFF if g else 0
                    if g:
                        m[c] = g
        elif fmt == 6:
            first, count = struct.unpack(">HH", cmap[off + 6:off + 10])
            for k in range(count):
                m[first + k] = struct.unpack(">H", cmap[off + 10 + 2 * k:off + 12 + 2 * k])[0]
        elif fmt == 12:
            n = struct.unpack(">I", cmap[off + 12:off + 16])[0]
            for k in range(min(n, 5000)):
                a, b, g = struct.unpack(">III", cmap[off + 16 + 12 * k:off + 28 + 12 * k])
                for c in range(a, min(b, a + 70000) + 1):
                    m[c] = g + c - a
        return m


class Glyphs:
    """A Type 1 or CFF program (FontFile, FontFile3 /Type1C, /CIDFontType0C or /OpenType with a CFF
    table) read with fontTools: its glyph names (or CIDs, for a CID-keyed program), built-in
    encoding and advance widths in 1/1000 em."""

    def __init__(self, names, charstrings, scale, encoding=None, cid_keyed=False):
        self.names = list(names)
        self.charstrings = charstrings
        self.scale = scale
        self.encoding = encoding if isinstance(encoding, list) else None
        self.cid_keyed = cid_keyed
        self.cids = {0 if n == ".notdef" else int(n[3:]) for n in self.names
                     if n == ".notdef" or (n.startswith("cid") and n[3:].isdigit())} if cid_keyed else set()
        self._widths = {}

    def has(self, name):
        return name in self.charstrings

    def width(self, name):
        """The advance of a glyph in 1/1000 em, None when it cannot be told."""
        if name not in self._widths:
            w = None
            try:
                from fontTools.pens.basePen import NullPen
                cs = self.charstrings[name]
                cs.draw(NullPen())
                w = getattr(cs, "width", None)
                w = None if w is None else float(w) * self.scale
            except Exception:
                w = None
            self._widths[name] = w
        return self._widths[name]


def cff_glyphs(data, opentype=False):
    import io
    if opentype:
        from fontTools.ttLib import TTFont
        tt = TTFont(io.BytesIO(data))
        if "CFF " not in tt:
            return None
        cff = tt["CFF "].cff
    else:
        from fontTools.cffLib import CFFFontSet
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
    top = cff[cff.fontNames[0]]
    matrix = getattr(top, "FontMatrix", None) or [0.001]
    enc = getattr(top, "Encoding", None)
    return Glyphs(top.charset, top.CharStrings, float(matrix[0]) * 1000.0, enc, cid_keyed=hasattr(top, "ROS"))


def type1_glyphs(data):
    """A Type 1 program as embedded in a PDF (clear-text part, binary eexec part, trailer)."""
    from fontTools import t1Lib
    font = t1Lib.T1Font.__new__(t1Lib.T1Font)
    font.data, font.encoding = data, "ascii"
    font.parse()
    d = font.font
    matrix = d.get("FontMatrix") or [0.001]
    enc = d.get("Encoding")
    return Glyphs(d["CharStrings"].keys(), d["CharStrings"], float(matrix[0]) * 1000.0,
                  list(enc) if isinstance(enc, (list, tuple)) else None)
