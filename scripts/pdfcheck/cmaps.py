"""ToUnicode maps and CMaps: what code a shown string is made of, and what text each code stands for."""
import re

import pikepdf

HEX = re.compile(r"<([0-9A-Fa-f\s]*)>")
# The CMaps ISO 32000-1 Table 118 predefines (PDF/UA-1 7.21.3.3 lets them be used unembedded).
PREDEFINED = set("""GB-EUC-H GB-EUC-V GBpc-EUC-H GBpc-EUC-V GBK-EUC-H GBK-EUC-V GBKp-EUC-H GBKp-EUC-V
GBK2K-H GBK2K-V UniGB-UCS2-H UniGB-UCS2-V UniGB-UTF16-H UniGB-UTF16-V B5pc-H B5pc-V HKscs-B5-H
HKscs-B5-V ETen-B5-H ETen-B5-V ETenms-B5-H ETenms-B5-V CNS-EUC-H CNS-EUC-V UniCNS-UCS2-H UniCNS-UCS2-V
UniCNS-UTF16-H UniCNS-UTF16-V 83pv-RKSJ-H 90ms-RKSJ-H 90ms-RKSJ-V 90msp-RKSJ-H 90msp-RKSJ-V 90pv-RKSJ-H
Add-RKSJ-H Add-RKSJ-V EUC-H EUC-V Ext-RKSJ-H Ext-RKSJ-V H V UniJIS-UCS2-H UniJIS-UCS2-V
UniJIS-UCS2-HW-H UniJIS-UCS2-HW-V UniJIS-UTF16-H UniJIS-UTF16-V KSC-EUC-H KSC-EUC-V KSCms-UHC-H
KSCms-UHC-V KSCms-UHC-HW-H KSCms-UHC-HW-V KSCpc-EUC-H UniKS-UCS2-H UniKS-UCS2-V UniKS-UTF16-H
UniKS-UTF16-V Identity-H Identity-V""".split())


def _hex(s):
    return bytes.fromhex(re.sub(r"\s", "", s) + ("0" if len(re.sub(r"\s", "", s)) % 2 else ""))


def _utf16(b):
    return b.decode("utf-16-be", "surrogatepass").encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _blocks(data, name):
    return re.findall(rf"begin{name}(.*?)end{name}", data, re.S)


def read(stream):
    """The text of a CMap stream, "" when it cannot be read."""
    try:
        return stream.read_bytes().decode("latin-1")
    except Exception:
        return ""


class ToUnicode:
    """A ToUnicode CMap: code -> text, and the raw UTF-16 values it gives (for the 0/FEFF/FFFE rule)."""

    def __init__(self, data):
        self.map = {}
        self.values = []
        for block in _blocks(data, "bfchar"):
            for src, dst in re.findall(r"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]*)>", block):
                self._set(int(re.sub(r"\s", "", src), 16), _hex(dst))
        for block in _blocks(data, "bfrange"):
            for lo, hi, rest in re.findall(r"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]+)>\s*(<[0-9A-Fa-f\s]*>|\[[^\]]*\])", block):
                lo, hi = int(re.sub(r"\s", "", lo), 16), int(re.sub(r"\s", "", hi), 16)
                if hi - lo > 0x10000:
                    hi = lo + 0x10000
                if rest.startswith("["):
                    for k, dst in enumerate(HEX.findall(rest)):
                        self._set(lo + k, _hex(dst))
                    continue
                base = _hex(rest[1:-1])
                if not base:
                    continue
                last = int.from_bytes(base[-2:], "big") if len(base) >= 2 else base[-1]
                head = base[:-2] if len(base) >= 2 else b""
                for k, code in enumerate(range(lo, hi + 1)):
                    # The last UTF-16 unit is incremented (ISO 32000-1 9.10.3); past 0xFFFF it wraps.
                    self._set(code, head + ((last + k) & 0xFFFF).to_bytes(2, "big"), record=k == 0)
        self.codespace = codespace(data)

    def _set(self, code, dst, record=True):
        text = _utf16(dst) if dst else ""
        self.map[code] = text
        if record:
            self.values.append(dst)

    def bad_values(self):
        """Destinations that are U+0000, U+FEFF or U+FFFE (PDF/UA-1 7.21.7, PDF/A-2 6.2.11.7.2)."""
        bad = []
        for dst in self.values:
            units = [int.from_bytes(dst[i:i + 2], "big") for i in range(0, len(dst) - 1, 2)]
            if any(u in (0, 0xFEFF, 0xFFFE) for u in units):
                bad.append(dst.hex().upper())
        return bad


def codespace(data):
    """[(length in bytes, low bytes, high bytes)] of a CMap's codespace ranges."""
    ranges = []
    for block in _blocks(data, "codespacerange"):
        for lo, hi in re.findall(r"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]+)>", block):
            lo, hi = _hex(lo), _hex(hi)
            if len(lo) == len(hi) and lo:
                ranges.append((len(lo), lo, hi))
    return ranges


def split_codes(data, ranges):
    """The codes of a shown string under codespace ranges (2-byte codes when there are none)."""
    if not ranges:
        ranges = [(2, b"\x00\x00", b"\xff\xff")]
    lengths = sorted({r[0] for r in ranges})
    i = 0
    while i < len(data):
        for n in lengths:
            chunk = data[i:i + n]
            if len(chunk) == n and any(r[0] == n and all(r[1][k] <= chunk[k] <= r[2][k] for k in range(n))
                                       for r in ranges):
                break
        else:
            n = lengths[0]
            chunk = data[i:i + n]
        yield int.from_bytes(chunk, "big")
        i += n


def encoding_cmap(font):
    """(name, codespace ranges, the CMap stream or None) of a Type 0 font's Encoding."""
    enc = font.get("/Encoding")
    if isinstance(enc, pikepdf.Name):
        name = str(enc)[1:]
        if name.endswith("-V") or name.endswith("-H") or name in ("H", "V"):
            two = [(2, b"\x00\x00", b"\xff\xff")]
            return name, (two if name.startswith(("Identity", "Uni")) and "UTF16" not in name else [
                (1, b"\x00", b"\x80"), (2, b"\x81\x00", b"\xff\xff")] if "RKSJ" in name or "EUC" in name else two), None
        return name, [(2, b"\x00\x00", b"\xff\xff")], None
    if isinstance(enc, pikepdf.Stream):
        data = read(enc)
        name = str(enc.get("/CMapName", ""))[1:]
        return name, codespace(data) or [(2, b"\x00\x00", b"\xff\xff")], enc
    return "", [(2, b"\x00\x00", b"\xff\xff")], None
