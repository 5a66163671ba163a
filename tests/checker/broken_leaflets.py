#!/usr/bin/python3
"""The checker on broken copies of a leaflet, one a rule family (issue 23).

    broken_leaflets.py LEAFPRESS_BINARY REPO_DIR

Builds a leaflet, checks that scripts/pdfua-check passes it, then breaks a copy with pikepdf in
one way a family (fonts, structure, language, annotations, marked content, metadata, PDF/A) and
checks that the checker rejects it (exit 1) for the rule broken, by its ISO clause in --json; and
that a file it cannot read exits 2, not 1.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import pikepdf
from pikepdf import Name


def struct_elements(p, s):
    return [o for o in p.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") == Name(s)]


def empty_tounicode(p):
    for page in p.pages:
        for _, font in page.Resources.Font.items():
            data = font.ToUnicode.read_bytes()
            m = re.search(rb"beginbfchar\s*<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>", data)
            if m:
                font.ToUnicode.write(data.replace(m.group(0), m.group(0)[:m.end(1) - m.start(0) + 1] + b" <>", 1))
                return


def unembed(p):
    for page in p.pages:
        for _, font in page.Resources.Font.items():
            d = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                if k in d.FontDescriptor:
                    del d.FontDescriptor[k]


def descendant_fonts(p):
    for page in p.pages:
        for _, font in page.Resources.Font.items():
            if "/DescendantFonts" in font:
                yield font.DescendantFonts[0]


def cidtogidmap_name(p):
    for d in descendant_fonts(p):
        d.CIDToGIDMap = Name("/NoIdentity")


def cidset_notdef_only(p):
    for d in descendant_fonts(p):
        d.FontDescriptor.CIDSet = p.make_stream(b"\x80")


def rolemap_cycle(p):
    p.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary({"/Box": Name.Frame, "/Frame": Name.Box})
    struct_elements(p, "/P")[0].S = Name.Box


def li_outside_list(p):
    struct_elements(p, "/P")[0].S = Name.LI


def bad_lang(p):
    p.Root.Lang = pikepdf.String("en US")


def no_tabs(p):
    for page in p.pages:
        if "/Annots" in page.obj:
            del page.obj["/Tabs"]


def link_without_contents(p):
    for page in p.pages:
        for a in page.obj.get("/Annots", []):
            if "/Contents" in a:
                del a["/Contents"]


def artifact_around_tagged(p):
    page = p.pages[0]
    page.contents_coalesce()
    page.Contents.write(b"/Artifact BMC\n" + page.Contents.read_bytes() + b"\nEMC\n")


def no_pdfuaid(p):
    p.Root.Metadata.write(re.sub(rb"<pdfuaid:part>1</pdfuaid:part>", b"", p.Root.Metadata.read_bytes()))


def pdfa_conformance_empty(p):
    p.Root.Metadata.write(p.Root.Metadata.read_bytes().replace(b"<pdfaid:conformance>A</pdfaid:conformance>",
                                                               b"<pdfaid:conformance></pdfaid:conformance>"))


def title_hidden(p):
    p.Root.ViewerPreferences.DisplayDocTitle = False


def javascript(p):
    p.Root.OpenAction = p.make_indirect(pikepdf.Dictionary({"/S": Name.JavaScript, "/JS": pikepdf.String("app.alert(1)")}))


def figure_without_alt(p):
    e = struct_elements(p, "/P")[0]
    e.S = Name.Figure
    if "/Alt" in e:
        del e["/Alt"]


def no_output_intent(p):
    del p.Root["/OutputIntents"]  # the leaflet paints in DeviceRGB (rg, RG)


def no_trailer_id(p):
    pass  # qpdf always writes an /ID: it is blanked in the saved bytes (same length, offsets kept)


no_trailer_id.post = lambda data: re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]",
                                         lambda m: b" " * len(m.group(0)), data)


def as_array(k):
    return k if isinstance(k, pikepdf.Array) else pikepdf.Array([k])


def li_around(p, inner_p):
    """The first P becomes an LI's NonStruct (with its text, as Chromium tags a list item's body)
    next to an Lbl; with inner_p, the NonStruct holds a P with the text instead."""
    e = struct_elements(p, "/P")[0]
    parent = e.P
    lst = p.make_indirect(pikepdf.Dictionary({"/S": Name.L, "/P": parent}))
    li = p.make_indirect(pikepdf.Dictionary({"/S": Name.LI, "/P": lst}))
    lbl = p.make_indirect(pikepdf.Dictionary({"/S": Name.Lbl, "/P": li, "/K": pikepdf.Array()}))
    lst.K = pikepdf.Array([li])
    li.K = pikepdf.Array([lbl, e])
    kids = as_array(parent.K)
    parent.K = pikepdf.Array([lst if k.is_indirect and k.objgen == e.objgen else k for k in kids])
    e.P = li
    e.S = Name.NonStruct
    e.K = pikepdf.Array([k for k in as_array(e.K) if not isinstance(k, pikepdf.Dictionary) or "/S" not in k])  # text only
    if inner_p:
        inner = p.make_indirect(pikepdf.Dictionary({"/S": Name.P, "/P": e, "/K": e.K}))
        e.K = pikepdf.Array([inner])


def li_nonstruct_text(p):
    li_around(p, False)


def li_nonstruct_p(p):
    li_around(p, True)


CASES = [  # family, change, the rule its finding must name
    ("fonts", empty_tounicode, "7.21.7-t01"),
    ("fonts", unembed, "7.21.4.1-t01"),
    ("fonts", cidtogidmap_name, "7.21.3.2-t01"),
    ("fonts", cidset_notdef_only, "7.21.4.2-t02"),
    ("structure", rolemap_cycle, "7.1-t06"),
    ("structure", rolemap_cycle, "7.1-t05"),  # the cycle never reaches a standard type either
    ("structure", li_outside_list, "7.2-t17"),
    ("structure", figure_without_alt, "7.3-t01"),
    ("language", bad_lang, "7.2-t29"),
    ("annotations", no_tabs, "7.18.3-t01"),
    ("annotations", link_without_contents, "7.18.5-t02"),
    ("marked content", artifact_around_tagged, "7.1-t02"),
    ("metadata", no_pdfuaid, "5-t01"),
    ("metadata", pdfa_conformance_empty, "6.6.4-t01"),
    ("metadata", title_hidden, "7.1-t10"),
    ("PDF/A", javascript, "6.5.1-t01"),
    ("structure", li_nonstruct_p, "7.2-t20"),
    ("PDF/A", no_output_intent, "6.2.4.3-t02"),
    ("PDF/A", no_trailer_id, "6.1.3-t01"),  # a NonStruct is looked through: the LI holds a P
]
NOT_CASES = [  # family, change, a rule its findings must not name
    ("structure", li_nonstruct_text, "7.2-t20"),  # LI -> Lbl + NonStruct(text), as Chromium tags lists
]


def all_figures_without_alt(p):
    for e in struct_elements(p, "/P"):
        e.S = Name.Figure
        if "/Alt" in e:
            del e["/Alt"]


def many_findings(checker, d, leafpress):
    """More findings of one rule than are listed: none is dropped silently (issue 23, round 3)."""
    with open(os.path.join(d, "many.toml"), "w") as f:
        f.write('title = "T"\n' + "".join(f'[[section]]\nheading = "H{i}"\nbody = "Words {i}."\n' for i in range(30)))
    subprocess.run([leafpress, "build", "many.toml", "-o", "many.pdf"], cwd=d, check=True, capture_output=True)
    bad = os.path.join(d, "many-bad.pdf")
    with pikepdf.open(os.path.join(d, "many.pdf")) as p:
        all_figures_without_alt(p)
        p.save(bad)
    problems = []
    status, out = check(checker, bad)
    shown = [x for x in out.get("findings", []) if x["rule"] == "7.3-t01"]
    omitted = sum(x["omitted"] for x in out.get("omitted", []) if x["rule"] == "7.3-t01")
    if len(shown) + omitted < 30:
        problems.append(f"--json: {len(shown)} 7.3-t01 findings and {omitted} counted as omitted (30 Figures)")
    if out.get("total") != len(out.get("findings", [])) + sum(x["omitted"] for x in out.get("omitted", [])):
        problems.append(f"--json: total {out.get('total')} is not the findings shown and omitted")
    text = subprocess.run([checker, "--verdict", bad], capture_output=True, text=True).stdout
    if not re.search(rf"… and {omitted} more of ISO 14289-1 7\.3-t01", text) or not omitted:
        problems.append("the text does not say how many more 7.3-t01 findings there are")
    if f": {out.get('total')} findings" not in text.splitlines()[-1]:
        problems.append(f"the verdict does not count all {out.get('total')} findings: {text.splitlines()[-1]}")
    return problems


def json_lines(checker, d, good):
    """--json with several files: a compact JSON object a line, the same keys for each."""
    missing = os.path.join(d, "missing.pdf")
    c = subprocess.run([checker, "--json", "--pdfa", good, missing, good], capture_output=True, text=True)
    problems = []
    lines = c.stdout.splitlines()
    try:
        objs = [json.loads(line) for line in lines]
    except ValueError as e:
        return [f"a line is not JSON: {e}"]
    if len(objs) != 3:
        problems.append(f"{len(objs)} lines of JSON for 3 files")
    elif len({tuple(o) for o in objs}) != 1:
        problems.append(f"not the same keys for every file: {[sorted(o) for o in objs]}")
    else:
        if objs[1]["standards"] != [] or objs[1]["status"] != 2:
            problems.append(f"the missing file: {objs[1]}")
        if "a2" in objs[0]["standards"] or "a2a" not in objs[0]["standards"]:
            problems.append(f"standards {objs[0]['standards']}")
    return problems


def unreadable_messages(checker, d, good):
    """A file the checker cannot read: one line naming it once, saying in plain words what is wrong."""
    cases = {"empty.pdf": (b"", "empty file"), "image.pdf": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not a PDF (it starts like a PNG"),
             "short.pdf": (open(good, "rb").read()[:2000], "cut short or damaged"), "folder.pdf": (None, "is a folder"),
             "gone.pdf": (False, "no such file"), "locked.pdf": ("password", "protected by a password")}
    problems = []
    for name, (data, said) in cases.items():
        path = os.path.join(d, name)
        if data is None:
            os.makedirs(path, exist_ok=True)
        elif data == "password":
            with pikepdf.open(good) as p:
                p.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner"))
        elif data is not False:
            with open(path, "wb") as f:
                f.write(data)
        c = subprocess.run([checker, "--verdict", path], capture_output=True, text=True)
        lines = (c.stdout + c.stderr).splitlines()
        if c.returncode != 2 or len(lines) != 1 or said not in lines[0] or lines[0].count(path) != 1 \
                or re.search(r"[A-Z][a-z]+(Error|Exception)\b|Errno", lines[0]):
            problems.append(f"{name}: exit {c.returncode}, {lines}")
    return problems


def check(checker, pdf, *extra):
    c = subprocess.run([checker, "--json", *extra, pdf], capture_output=True, text=True)
    return c.returncode, json.loads(c.stdout) if c.stdout.strip() else {}


def main(argv):
    leafpress, repo = argv[1], argv[2]
    checker = os.path.join(repo, "scripts", "pdfua-check")
    failed = 0
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "brand.toml"), "w") as f:
            f.write('name = "C"\nphone = "555 0100"\nwebsite = "https://example.org"\n')
        with open(os.path.join(d, "x.toml"), "w") as f:
            f.write('title = "T"\n[[section]]\nheading = "H"\nbody = "Some words [here](https://example.org)."\n')
        subprocess.run([leafpress, "build", "x.toml", "-o", "good.pdf"], cwd=d, check=True, capture_output=True)
        good = os.path.join(d, "good.pdf")
        status, out = check(checker, good)
        if status != 0:
            print(f"FAIL: the leaflet itself is rejected: {out}")
            return 1
        for family, change, rule in CASES:
            bad = os.path.join(d, "bad.pdf")
            with pikepdf.open(good) as p:
                change(p)
                p.save(bad)
            if hasattr(change, "post"):
                with open(bad, "rb") as f:
                    data = change.post(f.read())
                with open(bad, "wb") as f:
                    f.write(data)
            status, out = check(checker, bad, "--standard", "ua1", "--standard", "a2a")
            rules = [x["rule"] for x in out.get("findings", [])]
            ok = status == 1 and rule in rules
            failed += not ok
            print(f"{'ok' if ok else 'FAIL'}: {family}: {change.__name__}: exit {status}, {rule} "
                  f"{'found' if rule in rules else 'not found in ' + str(rules)}")
        for family, change, rule in NOT_CASES:
            bad = os.path.join(d, "bad.pdf")
            with pikepdf.open(good) as p:
                change(p)
                p.save(bad)
            status, out = check(checker, bad, "--standard", "ua1", "--standard", "a2a")
            rules = [x["rule"] for x in out.get("findings", [])]
            ok = status in (0, 1) and rule not in rules
            failed += not ok
            print(f"{'ok' if ok else 'FAIL'}: {family}: {change.__name__}: exit {status}, {rule} "
                  f"{'not found' if ok else 'found (or unreadable) in ' + str(rules)}")
        for name, problems in (("findings past the listed ones are counted", many_findings(checker, d, leafpress)),
                               ("--json with several files is JSON Lines", json_lines(checker, d, good)),
                               ("unreadable files are told in plain words", unreadable_messages(checker, d, good))):
            failed += bool(problems)
            print(f"{'FAIL' if problems else 'ok'}: {name}{': ' + '; '.join(problems) if problems else ''}")
        with open(os.path.join(d, "broken.pdf"), "wb") as f:
            f.write(b"%PDF-1.7\nnot a PDF\n")
        status, out = check(checker, os.path.join(d, "broken.pdf"))
        ok = status == 2
        failed += not ok
        print(f"{'ok' if ok else 'FAIL'}: a file that cannot be read: exit {status} (2 expected)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
