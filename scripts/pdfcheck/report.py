"""Rules and findings.

A rule's id is the one the veraPDF validation profiles give the requirement (its ISO clause and
test number, "7.18.5-t02"), under the standard it belongs to; each rule carries the Matterhorn
Protocol 1.1 failure condition it corresponds to, where there is one.
"""
import json

ISO = {"ua1": "ISO 14289-1", "a2": "ISO 19005-2", "x4": "ISO 15930-7", "leafpress": "leafpress"}

# (standard, rule) -> Matterhorn condition ("" where the protocol has none).
MATTERHORN = {
    "5-t01": "06-002", "5-t02": "06-002", "5-t03": "06-002", "5-t04": "06-002", "5-t05": "06-002",
    "7.1-t01": "01-003", "7.1-t02": "01-004", "7.1-t03": "01-005", "7.1-t04": "01-007",
    "7.1-t05": "02-001", "7.1-t06": "02-003", "7.1-t07": "02-004", "7.1-t08": "06-001",
    "7.1-t09": "06-003", "7.1-t10": "07-001",
    "7.2-t02": "11-003", "7.2-t21": "11-002", "7.2-t22": "11-002", "7.2-t23": "11-002",
    "7.2-t24": "11-004", "7.2-t25": "11-005", "7.2-t29": "11-001", "7.2-t30": "11-002",
    "7.2-t31": "11-002", "7.2-t32": "11-002", "7.2-t33": "11-006", "7.2-t34": "11-001",
    "7.3-t01": "13-004", "7.4.2-t01": "14-003", "7.4.4-t01": "14-006", "7.4.4-t02": "14-007",
    "7.4.4-t03": "14-007", "7.5-t01": "15-003", "7.5-t02": "15-003", "7.7-t01": "17-002",
    "7.9-t01": "19-003", "7.9-t02": "19-004", "7.10-t01": "20-001", "7.10-t02": "20-003",
    "7.11-t01": "21-001", "7.15-t01": "25-001", "7.16-t01": "26-002",
    "7.18.1-t01": "28-002", "7.18.1-t02": "28-004", "7.18.1-t03": "28-005", "7.18.2-t01": "28-007",
    "7.18.3-t01": "28-009", "7.18.4-t01": "28-010", "7.18.5-t01": "28-011", "7.18.5-t02": "28-012",
    "7.18.6.2-t01": "28-014", "7.18.6.2-t02": "28-015", "7.18.8-t01": "28-017",
    "7.20-t01": "30-001", "7.20-t02": "30-002",
    "7.21.3.1-t01": "31-002", "7.21.3.2-t01": "31-005", "7.21.3.3-t01": "31-006",
    "7.21.3.3-t02": "31-007", "7.21.3.3-t03": "31-008", "7.21.4.1-t01": "31-009",
    "7.21.4.1-t02": "31-011", "7.21.4.2-t01": "31-012", "7.21.4.2-t02": "31-014",
    "7.21.5-t01": "31-016", "7.21.6-t01": "31-017", "7.21.6-t02": "31-021", "7.21.6-t03": "31-024",
    "7.21.6-t04": "31-026", "7.21.7-t01": "10-001", "7.21.7-t02": "31-028", "7.21.8-t01": "31-030",
}
for _n in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 36, 37, 38, 39, 41, 42, 43):
    MATTERHORN[f"7.2-t{_n:02d}"] = "09-004"
for _n in (17, 18, 19, 20, 40):
    MATTERHORN[f"7.2-t{_n:02d}"] = "09-005"
for _n in (26, 27, 28):
    MATTERHORN[f"7.2-t{_n:02d}"] = "09-006"


class Finding:
    def __init__(self, standard, rule, message, page=None, obj=None, matterhorn=None, also=()):
        self.standard, self.rule, self.message, self.page, self.obj = standard, rule, message, page, obj
        self.also = tuple(also)  # the same requirement's number in older veraPDF profiles (and their corpus)
        self.matterhorn = matterhorn if matterhorn is not None else (
            MATTERHORN.get(rule, "") if standard == "ua1" else "")

    def label(self):
        if self.standard == "leafpress":
            return self.rule
        s = f"{ISO[self.standard]} {self.rule}"
        return s + (f" (Matterhorn {self.matterhorn})" if self.matterhorn else "")

    def where(self):
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.obj is not None:
            parts.append(f"object {self.obj[0]} {self.obj[1]}")
        return ", ".join(parts)

    def text(self):
        where = self.where()
        return f"{self.label()}: {where + ': ' if where else ''}{self.message}"

    def as_dict(self):
        return {"standard": self.standard, "iso": ISO[self.standard], "rule": self.rule,
                "clause": self.rule.split("-t")[0], "matterhorn": self.matterhorn,
                "page": self.page, "object": f"{self.obj[0]} {self.obj[1]}" if self.obj else None,
                "message": self.message, "also": list(self.also)}


class Report:
    """The findings for one file, at most `limit` kept for one rule; the rest are counted (counts,
    omitted()) so that a report always says how many there were."""

    def __init__(self, standards, limit=20):
        self.standards = set(standards)
        self.findings = []
        self.errors = []  # what could not be checked
        self.limit = limit
        self.counts = {}

    def wants(self, standard):
        return standard in self.standards or standard == "leafpress"

    def add(self, standard, rule, message, page=None, obj=None, matterhorn=None, also=()):
        if not self.wants(standard):
            return
        if standard == "a2" and "a2a" not in self.standards and rule.startswith(("6.7", "6.2.11.7")):
            return  # level A (accessibility) only
        key = (standard, rule)
        self.counts[key] = self.counts.get(key, 0) + 1
        if self.counts[key] <= self.limit:
            self.findings.append(Finding(standard, rule, message, page, obj, matterhorn, also))

    def ua(self, rule, message, page=None, obj=None, matterhorn=None, also=()):
        self.add("ua1", rule, message, page, obj, matterhorn, also)

    def a2(self, rule, message, page=None, obj=None):
        self.add("a2", rule, message, page, obj)

    def leafpress(self, rule, message, page=None, obj=None):
        self.add("leafpress", rule, message, page, obj)

    def cannot(self, what, error):
        self.errors.append(f"cannot check {what}: {type(error).__name__}: {error}")

    def status(self):
        return 2 if self.errors else 1 if self.findings else 0

    def total(self):
        """Every finding, the ones not kept included."""
        return sum(self.counts.values())

    def omitted(self):
        """{(standard, rule): findings not kept} for the rules past the limit."""
        return {k: n - self.limit for k, n in self.counts.items() if n > self.limit}

    def lines(self):
        """The findings as text, each rule's "… and N more" after the last one shown of it."""
        omitted = self.omitted()
        last = {(f.standard, f.rule): i for i, f in enumerate(self.findings)}
        out = []
        for i, f in enumerate(self.findings):
            out.append(f.text())
            key = (f.standard, f.rule)
            if key in omitted and last[key] == i:
                out.append(f"… and {omitted[key]} more of {f.label()}")
        return out

    def json(self, path):
        """One line of JSON (JSON Lines: a line a file)."""
        return json_line(path, public_standards(self.standards), self.status(),
                         [f.as_dict() for f in self.findings], self.total(),
                         [{"standard": s, "rule": r, "omitted": n} for (s, r), n in sorted(self.omitted().items())],
                         self.errors)


def public_standards(standards):
    """The standards a file was checked against as the user names them ("a2" is internal: the rules
    common to PDF/A-2 levels a, b and u)."""
    return sorted(s for s in standards if s != "a2")


def json_line(path, standards, status, findings, total, omitted, errors):
    """The same keys for every file, the unreadable ones too."""
    return json.dumps({"file": path, "standards": standards, "status": status, "total": total,
                       "findings": findings, "omitted": omitted, "errors": errors}, ensure_ascii=False)


def objgen(obj):
    """(number, generation) of an indirect object, None for a direct one."""
    try:
        n, g = obj.objgen
        return (n, g) if n else None
    except Exception:
        return None
