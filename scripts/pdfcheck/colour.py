"""Device colours in PDF/A-2 (ISO 19005-2 6.2.4.3, veraPDF PDFA-2B 6.2.4.3-t02..t04): DeviceRGB only
with a PDF/A output intent whose profile is RGB, DeviceCMYK only with a CMYK one, DeviceGray with
any PDF/A output intent, unless the resources set a DefaultRGB, DefaultCMYK or DefaultGray colour
space (which then replaces the device space). Seen in the content streams the Walker reads: the
colour operators (rg RG k K g G), cs/CS, images (painted and inline) and shadings."""
import pikepdf
from pikepdf import Name

from .report import objgen

DEVICE_OPS = {"rg": "RGB", "RG": "RGB", "k": "CMYK", "K": "CMYK", "g": "Gray", "G": "Gray"}
NAMES = {"/DeviceRGB": "RGB", "/RGB": "RGB", "/DeviceCMYK": "CMYK", "/CMYK": "CMYK", "/DeviceGray": "Gray", "/G": "Gray"}
OPS = set(DEVICE_OPS) | {"cs", "CS", "sh", "INLINE IMAGE"}
RULES = {"RGB": ("6.2.4.3-t02", "RGB "), "CMYK": ("6.2.4.3-t03", "CMYK"), "Gray": ("6.2.4.3-t04", None)}


def families(cs, resources, depth=0):
    """The device colour spaces (RGB, CMYK, Gray) a colour space uses, directly or as the base of
    Indexed or the alternate of Separation and DeviceN; a name is looked up in the resources."""
    if depth > 8 or cs is None:
        return set()
    if isinstance(cs, Name):
        s = str(cs)
        if s in NAMES:
            return {NAMES[s]}
        named = resources.get("/ColorSpace") if isinstance(resources, pikepdf.Dictionary) else None
        if s != "/Pattern" and isinstance(named, pikepdf.Dictionary) and s in named:
            return families(named.get(s), resources, depth + 1)
        return set()
    if isinstance(cs, pikepdf.Array) and len(cs):
        kind = str(cs[0])
        if kind in ("/Indexed", "/I") and len(cs) > 1:
            return families(cs[1], resources, depth + 1)
        if kind == "/Separation" and len(cs) > 2:
            return families(cs[2], resources, depth + 1)
        if kind == "/DeviceN" and len(cs) > 2:
            return families(cs[2], resources, depth + 1)
        if kind in NAMES:
            return {NAMES[kind]}
    return set()


class DeviceColours:
    def __init__(self, report):
        self.report = report
        self.active = report.wants("a2")
        self.used = {}  # family -> first page

    def note(self, fams, resources, page):
        defaults = resources.get("/ColorSpace") if isinstance(resources, pikepdf.Dictionary) else None
        for f in fams:
            if isinstance(defaults, pikepdf.Dictionary) and f"/Default{f}" in defaults:
                continue
            self.used.setdefault(f, page)

    def op(self, op, operands, resources, page):
        if op in DEVICE_OPS:
            self.note((DEVICE_OPS[op],), resources, page)
        elif op in ("cs", "CS") and operands:
            self.note(families(operands[0], resources), resources, page)
        elif op == "sh" and operands:
            sh = resources.get("/Shading", pikepdf.Dictionary()).get(str(operands[0])) if isinstance(operands[0], Name) else None
            if isinstance(sh, (pikepdf.Dictionary, pikepdf.Stream)):
                self.note(families(sh.get("/ColorSpace"), resources), resources, page)
        elif op == "INLINE IMAGE" and operands:
            try:
                d = operands[0].obj
            except Exception:
                return
            if not bool(d.get("/IM", d.get("/ImageMask", False))):
                self.note(families(d.get("/CS", d.get("/ColorSpace")), resources), resources, page)

    def image(self, xobj, resources, page):
        if xobj.get("/Subtype") == Name.Image and not bool(xobj.get("/ImageMask", False)):
            self.note(families(xobj.get("/ColorSpace"), resources), resources, page)

    def finish(self, pdf):
        if not self.active or not self.used:
            return
        intents = [i for i in pdf.Root.get("/OutputIntents", []) if isinstance(i, pikepdf.Dictionary)
                   and i.get("/S") == Name.GTS_PDFA1]
        profile = intents[0].get("/DestOutputProfile") if intents else None
        space = None
        if isinstance(profile, pikepdf.Stream):
            try:
                space = profile.read_bytes()[16:20].decode("latin-1")
            except Exception:
                space = None
        for fam, page in sorted(self.used.items()):
            rule, wanted = RULES[fam]
            if profile is None:
                self.report.a2(rule, f"Device{fam} colours are used (here first) but the file has no "
                               "PDF/A output intent (with an ICC profile)", page)
            elif wanted is not None and space != wanted:
                self.report.a2(rule, f"Device{fam} colours are used (here first) but the PDF/A output "
                               f"intent's profile is {space!r}, not {wanted.strip()}", page, objgen(profile))
