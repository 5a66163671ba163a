"""leafpress's checker of PDF/UA-1, PDF/A-2 and PDF/X-4 claims (scripts/pdfua-check is its command).

Modules: report (rules and findings), cmaps (ToUnicode and CMaps), fontprog (TrueType, Type 1 and
CFF programs), fonts (font rules), content (content streams and marked content), structure (the
structure tree), annots (annotations), document (catalog, metadata, PDF/A and other file-level
rules), leaflet (leafpress's own checks: words in order, taglines, PDF/X print rules, --tags).
"""
