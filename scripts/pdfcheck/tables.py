"""Tables (PDF/UA-1 7.2 and 7.5): THead/TBody/TFoot/Caption counts, regular rows and columns,
cells that do not overlap, and header cells tied to data cells by Scope or Headers."""
import pikepdf
from pikepdf import Name


def as_list(k):
    return list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]


def attribute(tree, e, key):
    """A Table attribute of an element, from /A or through /C and the ClassMap."""
    dicts = [a for a in as_list(e.get("/A")) if isinstance(a, pikepdf.Dictionary)]
    cm = tree.root.get("/ClassMap", pikepdf.Dictionary())
    for c in as_list(e.get("/C")):
        if isinstance(c, Name) and str(c) in cm:
            dicts += [a for a in as_list(cm[str(c)]) if isinstance(a, pikepdf.Dictionary)]
    for a in dicts:
        if key in a:
            return a[key]
    return None


def span(tree, e, key):
    try:
        v = int(attribute(tree, e, key) or 1)
        return max(v, 1)
    except Exception:
        return 1


def check_table(tree, table, kids, key):
    r = tree.report
    if kids.count("THead") > 1:
        r.ua("7.2-t11", f"a Table holds {kids.count('THead')} THead elements", obj=key)
    if kids.count("TFoot") > 1:
        r.ua("7.2-t12", f"a Table holds {kids.count('TFoot')} TFoot elements", obj=key)
    if "TFoot" in kids and "TBody" not in kids:
        r.ua("7.2-t13", "a Table holds a TFoot but no TBody", obj=key)
    if "THead" in kids and "TBody" not in kids:
        r.ua("7.2-t14", "a Table holds a THead but no TBody", obj=key)
    if kids.count("Caption") > 1:
        r.ua("7.2-t39", f"a Table holds {kids.count('Caption')} Caption elements", obj=key, also=("7.2-t03",))
    if "Caption" in kids[1:-1]:
        r.ua("7.2-t16", "a Table holds a Caption that is neither its first nor its last kid", obj=key, also=("7.2-t03",))
    rows = []
    for k in as_list(table.get("/K")):
        if not isinstance(k, pikepdf.Dictionary) or "/S" not in k:
            continue
        s = tree.std(k)
        if s == "TR":
            rows.append(k)
        elif s in ("THead", "TBody", "TFoot"):
            rows += [g for g in as_list(k.get("/K")) if isinstance(g, pikepdf.Dictionary) and "/S" in g and tree.std(g) == "TR"]
    grid = {}  # (row, column) -> cell
    widths = []
    spans = False
    ths, tds, ids = [], [], set()
    overlap = False
    for i, row in enumerate(rows):
        col = 0
        for c in as_list(row.get("/K")):
            if not isinstance(c, pikepdf.Dictionary) or "/S" not in c:
                continue
            s = tree.std(c)
            if s not in ("TH", "TD"):
                continue
            (ths if s == "TH" else tds).append(c)
            if "/ID" in c:
                ids.add(bytes(c.ID))
            while (i, col) in grid:
                col += 1
            rs, cs = span(tree, c, "/RowSpan"), span(tree, c, "/ColSpan")
            spans = spans or rs > 1 or cs > 1
            for dr in range(rs):
                for dc in range(cs):
                    if (i + dr, col + dc) in grid:
                        overlap = True
                    grid[(i + dr, col + dc)] = c
            col += cs
    for i in range(len(rows)):
        widths.append(len([1 for (rr, _) in grid if rr == i]))
    if overlap:
        r.ua("7.2-t15", "cells of a Table overlap (their RowSpan and ColSpan)", obj=key)
    if widths and len(set(widths)) > 1:
        r.ua("7.2-t42" if spans else "7.2-t43",
             f"the rows of a Table have different numbers of columns ({', '.join(map(str, widths))})", obj=key)
    elif any(rr >= len(rows) for (rr, _) in grid):
        r.ua("7.2-t41", "a cell of a Table spans rows past its last", obj=key)
    # 7.5: headers tied to cells, by Headers (IDs of TH) or by Scope.
    headers_used = False
    for c in tds + ths:
        h = attribute(tree, c, "/Headers")
        if h is not None:
            headers_used = True
            for ref in as_list(h):
                try:
                    if bytes(ref) not in ids:
                        r.ua("7.5-t02", f"a cell's Headers names {bytes(ref).decode('latin-1')}, no TH of its table", obj=key)
                        return
                except Exception:
                    pass
    if not headers_used and tds:
        unscoped = [c for c in ths if attribute(tree, c, "/Scope") is None]
        if unscoped:
            r.ua("7.5-t01", f"{len(unscoped)} TH cells of a table without Headers have no Scope", obj=key)
