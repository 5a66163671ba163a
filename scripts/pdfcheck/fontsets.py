"""What an embedded font program holds, compared with what the PDF says of it (PDF/UA-1 7.21.4.2,
7.21.5, 7.21.6, 7.21.8): CharSet and CIDSet against the glyphs present, the glyph each code of a
Type 1 or CFF font shows (.notdef when the program has none), Differences names in the Adobe Glyph
List. Type 1 and CFF programs are read with fontTools (fontprog.Glyphs)."""
import re

import pikepdf

SUBSET = re.compile(r"[A-Z]{6}\+")
WINANSI_UNUSED = {0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _winansi():
    from fontTools.agl import UV2AGL
    table = [None] * 256
    for code in range(32, 256):
        try:
            u = ord(bytes([code]).decode("cp1252"))
        except UnicodeDecodeError:
            table[code] = "bullet" if code in WINANSI_UNUSED else None
            continue
        table[code] = UV2AGL.get(u)
    table[0x7F] = "bullet"
    table[0xA0], table[0xAD] = "space", "hyphen"
    return table


def _mac_roman():
    from fontTools.encodings.MacRoman import MacRoman
    return [None if n == ".notdef" else n for n in MacRoman]


def _standard():
    from fontTools.encodings.StandardEncoding import StandardEncoding
    return [None if n == ".notdef" else n for n in StandardEncoding]


_TABLES = {}


def encoding_table(name):
    makers = {"/WinAnsiEncoding": _winansi, "/MacRomanEncoding": _mac_roman, "/StandardEncoding": _standard}
    if name not in makers:
        return None
    if name not in _TABLES:
        _TABLES[name] = makers[name]()
    return _TABLES[name]


def differences(enc):
    """{code: glyph name} of an Encoding dictionary's Differences."""
    out = {}
    if not isinstance(enc, pikepdf.Dictionary):
        return out
    code = 0
    for d in enc.get("/Differences", []):
        if isinstance(d, int):
            code = int(d)
        elif isinstance(d, pikepdf.Name):
            out[code] = str(d)[1:]
            code += 1
    return out


def glyph_name(f, code, prog):
    """The glyph name a code of a simple Type 1 font selects; None when it cannot be told."""
    enc = f.font.get("/Encoding")
    diffs = differences(enc)
    if code in diffs:
        return diffs[code]
    base = enc.get("/BaseEncoding") if isinstance(enc, pikepdf.Dictionary) else enc
    if base is None:
        table = prog.encoding if prog.encoding is not None else encoding_table("/StandardEncoding")
    else:
        table = encoding_table(str(base))
    if table is None or not 0 <= code < len(table):
        return None
    return table[code] or ".notdef"


def cid_glyph(f, code, prog):
    """The glyph name a code of a CIDFontType0 font selects (Identity CMaps only)."""
    if f.cmap_name not in ("Identity-H", "Identity-V"):
        return None
    if prog.cid_keyed:
        return f"cid{code:05d}" if code in prog.cids and code else ".notdef"
    return prog.names[code] if 0 < code < len(prog.names) else ".notdef"


def shown_glyphs(f, prog):
    """[(code, glyph name)] for the codes rendered with a Type 1 or CFF font."""
    out = []
    for code in sorted(f.rendered):
        name = cid_glyph(f, code, prog) if f.type0 else glyph_name(f, code, prog)
        if name is not None:
            out.append((code, name if name == ".notdef" or prog.has(name) else ".notdef"))
    return out


def check_glyphs(fonts, f, prog, where):
    """.notdef and widths of a Type 1 or CFF font."""
    r = fonts.report
    notdef, widths = [], []
    for code, name in shown_glyphs(f, prog):
        if name == ".notdef":
            notdef.append(code)
            continue
        w, adv = fonts.width(f, code), prog.width(name)
        if w is not None and adv is not None and abs(w - adv) > 1:
            widths.append(code)
    if notdef:
        r.ua("7.21.8-t01", f"{len(notdef)} codes of the font {f.name} show the .notdef glyph "
             f"(code <{notdef[0]:04X}>)", **where)
    if widths:
        r.ua("7.21.5-t01", f"{len(widths)} glyphs of the font {f.name} have widths that differ from the program's "
             f"(code <{widths[0]:04X}>)", **where)


def check_charset(report, f, prog, where):
    """7.21.4.2-t01: a subset Type 1 font's CharSet names every glyph of its program."""
    charset = f.descriptor.get("/CharSet")
    if charset is None or f.type0 or not SUBSET.match(f.name) or prog is None or prog.cid_keyed:
        return
    listed = {n for n in re.findall(r"/([^/\s]+)", str(charset))} - {".notdef"}
    present = set(prog.names) - {".notdef"}
    if listed != present:
        extra, missing = sorted(listed - present), sorted(present - listed)
        report.ua("7.21.4.2-t01", f"the CharSet of the font {f.name} does not list the glyphs of its program"
                  + (f"; lists absent {', '.join(extra[:5])}" if extra else "")
                  + (f"; omits {', '.join(missing[:5])}" if missing else ""), **where)


def cidset_bits(stream):
    data = stream.read_bytes()
    return {i for i in range(len(data) * 8) if data[i // 8] & (0x80 >> (i % 8))}


def check_cidset(report, f, prog, where):
    """7.21.4.2-t02: a subset CIDFont's CIDSet identifies every CID its program has."""
    cidset = f.descriptor.get("/CIDSet")
    if not f.type0 or f.desc is None or not isinstance(cidset, pikepdf.Stream) or not SUBSET.match(f.name) or prog is None:
        return
    bits = cidset_bits(cidset) - {0}
    if hasattr(prog, "cids"):  # CFF
        present = (prog.cids if prog.cid_keyed else set(range(len(prog.names)))) - {0}
        wrong = sorted(bits ^ present)
    else:  # TrueType: the CIDs whose glyph has an outline, and no CID beyond the program
        cid_to_gid = f.desc.get("/CIDToGIDMap")
        gids = prog.outlined()
        if isinstance(cid_to_gid, pikepdf.Stream):
            m = cid_to_gid.read_bytes()
            to_gid = {c: int.from_bytes(m[2 * c:2 * c + 2], "big") for c in range(len(m) // 2)}
        else:
            to_gid = None
        if to_gid is None:
            present = set(gids) - {0}
            beyond = {c for c in bits if c >= prog.num_glyphs}
        else:
            present = {c for c, g in to_gid.items() if g in gids and c}
            beyond = {c for c in bits if to_gid.get(c, prog.num_glyphs) >= prog.num_glyphs}
        wrong = sorted((present - bits) | beyond)
    if wrong:
        report.ua("7.21.4.2-t02", f"the CIDSet of the font {f.name} does not identify the CIDs of its program "
                  f"(CID {', '.join(map(str, wrong[:6]))})", **where)


def check_differences(report, f, prog, where):
    """7.21.6-t02: a non-symbolic TrueType font's Differences use Adobe Glyph List names and its
    program has a (3,1) cmap."""
    diffs = differences(f.font.get("/Encoding"))
    if not diffs:
        return
    from fontTools.agl import AGL2UV
    unlisted = sorted({n for n in diffs.values() if n not in AGL2UV and n != ".notdef"})
    if unlisted:
        report.ua("7.21.6-t02", f"the Differences of the non-symbolic TrueType font {f.name} name glyphs that are "
                  f"not in the Adobe Glyph List: {', '.join(unlisted[:5])}", **where)
    elif prog is not None and (3, 1) not in prog.cmaps:
        report.ua("7.21.6-t02", f"the non-symbolic TrueType font {f.name} has Differences but its program has no "
                  "(3,1) Microsoft Unicode cmap", **where)
