"""One file checked against the standards asked for: the order of the checks and what ties them."""
import pikepdf

from . import annots, content, document, fonts, structure
from .report import Report, objgen


def number_tree(node, out=None, depth=0):
    out = {} if out is None else out
    if not isinstance(node, pikepdf.Dictionary) or depth > 32:
        return out
    nums = node.get("/Nums")
    if isinstance(nums, pikepdf.Array):
        for k in range(0, len(nums) - 1, 2):
            try:
                out[int(nums[k])] = nums[k + 1]
            except Exception:
                pass
    for kid in node.get("/Kids") or []:
        number_tree(kid, out, depth + 1)
    return out


class Result:
    def __init__(self, report):
        self.report = report
        self.texts = {}
        self.page_index = {}
        self.tree = None
        self.dump, self.words, self.lang_texts = [], [], []


def run(pdf, path, standards):
    """Checks an open pikepdf document; returns a Result whose report holds the findings."""
    report = Report(standards)
    res = Result(report)
    root = pdf.Root
    catalog_lang = str(root.get("/Lang", ""))
    try:
        document.check(pdf, path, report, standards)
    except Exception as e:
        report.cannot("the catalog and metadata", e)
    has_tree = isinstance(root.get("/StructTreeRoot"), pikepdf.Dictionary)
    parents = number_tree(root.StructTreeRoot.get("/ParentTree")) if has_tree else {}
    res.page_index = {objgen(p.obj): i for i, p in enumerate(pdf.pages)}
    tree = structure.Tree(pdf, report, catalog_lang, res.page_index) if has_tree else None
    res.tree = tree
    xobj_sp = {}

    def element_of(where, mcid):
        """The structure element a marked-content sequence belongs to (by the ParentTree)."""
        if tree is None:
            return None
        if where[0] == "page":
            sp = pdf.pages[where[1]].obj.get("/StructParents")
        else:
            sp = xobj_sp.get(where[1])
        arr = parents.get(int(sp)) if isinstance(sp, int) else None
        if isinstance(arr, pikepdf.Array) and 0 <= mcid < len(arr) and isinstance(arr[mcid], pikepdf.Dictionary):
            return arr[mcid]
        return None

    def lang_of(where, mcid):
        e = element_of(where, mcid)
        return tree.lang_of_element(e) if e is not None else None

    font_checks = fonts.Fonts(report)
    walker = content.Walker(pdf, report, font_checks, lang_of, catalog_lang)
    walker.xobj_sp = xobj_sp
    walker.element_of = element_of
    for i, page in enumerate(pdf.pages):
        try:
            walker.page(page, i)
        except Exception as e:
            report.cannot(f"the content of page {i + 1}", e)
    walker.finish()
    font_checks.finish()
    res.texts = walker.texts
    if tree is not None:
        try:
            tree.walk(walker.texts, res.dump, res.words, res.lang_texts)
        except Exception as e:
            report.cannot("the structure tree", e)
        mcid_refs(pdf, report, walker.texts, tree, parents)
    try:
        annots.check(pdf, report, tree, parents, catalog_lang)
    except Exception as e:
        report.cannot("the annotations", e)
    return res


def mcid_refs(pdf, report, texts, tree, parents):
    """Every MCID on a page is in the structure tree and in the ParentTree."""
    missing = {}
    for (where, mcid) in texts:
        if where[0] != "page":
            continue
        page = pdf.pages[where[1]].obj
        sp = page.get("/StructParents")
        arr = parents.get(int(sp)) if isinstance(sp, int) else None
        if (where, mcid) not in tree.referenced or not isinstance(arr, pikepdf.Array) or mcid >= len(arr) \
                or not isinstance(arr[mcid], pikepdf.Dictionary):
            missing.setdefault(where[1] + 1, []).append(mcid)
    for page, mcids in sorted(missing.items()):
        report.ua("7.1-t03", f"{len(mcids)} marked-content sequences (MCID {', '.join(map(str, sorted(mcids)[:6]))}) "
                  "are not tied to the structure tree (element and ParentTree)", page)
