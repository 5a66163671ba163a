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
