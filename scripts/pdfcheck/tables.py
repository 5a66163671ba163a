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
    for k in significant(tree, table):
        s = tree.std(k)
        if s == "TR":
            rows.append(k)
        elif s in ("THead", "TBody", "TFoot"):
            rows += [g for g in significant(tree, k) if tree.std(g) == "TR"]
    if not rows:
        return
    cells = [[(c, tree.std(c)) for c in significant(tree, row) if tree.std(c) in ("TH", "TD")] for row in rows]
    grid = regular_grid(tree, r, key, cells)
    if grid is not None:
        headers(tree, r, key, grid)


def significant(tree, e):
    """The kids of an element as veraPDF counts them: structure elements, NonStruct, Div and Part
    looked through."""
    out = []
    for k in as_list(e.get("/K")):
        if isinstance(k, pikepdf.Dictionary) and "/S" in k and k.get("/Type") not in (Name.MCR, Name.OBJR):
            if tree.std(k) in ("NonStruct", "Div", "Part"):
                out += significant(tree, k)
            else:
                out.append(k)
    return out


def regular_grid(tree, r, key, cells):
    """Places the cells row by row (ISO 32000-1 14.8.4.3.4: as many columns as the first row's
    ColSpans, as many rows as TR elements); the grid {(row, column): (cell, type, first row, first
    column)}, or None after reporting the first irregularity (7.2-t15 cells that overlap, 7.2-t41 a
    RowSpan past the last row, 7.2-t42 a ColSpan past the last column, 7.2-t43 a row left short)."""
    nrows = len(cells)
    ncols = sum(span(tree, c, "/ColSpan") for c, _ in cells[0])
    grid = {}
    for i, row in enumerate(cells):
        col = 0
        for c, s in row:
            cs, rs = span(tree, c, "/ColSpan"), span(tree, c, "/RowSpan")
            while col < ncols and (i, col) in grid:
                col += 1
            if col + cs > ncols:
                r.ua("7.2-t42", f"row {i + 1} of a Table spans more columns than its first row ({ncols})", obj=key)
                return None
            if i + rs > nrows:
                r.ua("7.2-t41", f"a cell in column {col + 1} of a Table spans rows past its last (row {nrows})", obj=key)
                return None
            for dr in range(rs):
                for dc in range(cs):
                    if (i + dr, col + dc) in grid:
                        r.ua("7.2-t15", "cells of a Table overlap (their RowSpan and ColSpan)", obj=key)
                        return None
                    grid[(i + dr, col + dc)] = (c, s, i, col)
            col += cs
    for i in range(nrows):
        filled = sum(1 for j in range(ncols) if (i, j) in grid)
        if filled != ncols:
            r.ua("7.2-t43", f"rows 1 and {i + 1} of a Table span different numbers of columns ({ncols} and {filled})",
                 obj=key)
            return None
    return grid


def headers(tree, r, key, grid):
    """7.5: unless every TH has a Scope, each TD names TH IDs in Headers or has a TH with a Scope
    above it (Column or Both) or before it in its row (Row or Both)."""
    ths = [v[0] for v in grid.values() if v[1] == "TH"]
    if all(attribute(tree, th, "/Scope") is not None for th in ths):
        return
    ids = {bytes(th.ID) for th in ths if isinstance(th.get("/ID"), pikepdf.String) and bytes(th.ID)}
    done = set()
    for (i, j), (c, s, i0, j0) in sorted(grid.items()):
        if s != "TD" or (i, j) != (i0, j0) or objkey(c) in done:
            continue
        done.add(objkey(c))
        names = [bytes(h) for h in as_list(attribute(tree, c, "/Headers")) if isinstance(h, pikepdf.String)]
        if names and all(n in ids for n in names):
            continue
        if scoped_header(tree, grid, i, j, span(tree, c, "/RowSpan"), span(tree, c, "/ColSpan")):
            continue
        unknown = [n.decode("latin-1") for n in names if n not in ids]
        if unknown:
            r.ua("7.5-t02", f"a TD's Headers names {', '.join(unknown)}, no TH of its table, and no header "
                 "of the cell can be told otherwise", obj=key)
        else:
            r.ua("7.5-t01", "a TD has no Headers and no TH with a Scope above it or before it in its row", obj=key)
        return


def scoped_header(tree, grid, row, col, rs, cs):
    def has(i, j, value):
        c, s, _, _ = grid[(i, j)]
        scope = attribute(tree, c, "/Scope") if s == "TH" else None
        return scope is not None and str(scope) in (value, "/Both")
    for j in range(col, col + cs):
        found = False
        for i in range(row - 1, -1, -1):
            if has(i, j, "/Column"):
                return True
            if grid[(i, j)][1] == "TH":
                found = True
            elif found:
                break
    for i in range(row, row + rs):
        found = False
        for j in range(col - 1, -1, -1):
            if has(i, j, "/Row"):
                return True
            if grid[(i, j)][1] == "TH":
                found = True
            elif found:
                break
    return False


def objkey(c):
    try:
        return c.objgen if c.objgen[0] else id(c)
    except Exception:
        return id(c)
