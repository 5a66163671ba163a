#!/usr/bin/python3
"""Writes a leafpress leaflet (content TOML + brand TOML) as a Typst document and as an HTML page
for WeasyPrint, so the benchmark (bench/compare.sh) sets the same words with the same fonts on
the same A4 page in each tool: title band, headings, paragraphs, lists with emphasis and links,
callouts, a footer with the clinic's phone number and page numbers, and the call to action.

    bench/peers.py CONTENT.toml BRAND.toml OUT_STEM [--repeat N]

writes OUT_STEM.typ (Typst 0.11 and later), OUT_STEM-typst010.typ (Typst 0.10) and OUT_STEM.html (--repeat N: the sections N times, for a long document).
"""
import html
import re
import sys
import tomllib


def blocks(body):
    """Paragraphs and list items of the Markdown subset the shipped leaflets use."""
    out = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = chunk.split("\n")
        if all(re.match(r"\s*(?:[-*+]|\d+[.)])\s+", l) for l in lines if l.strip()):
            for l in lines:
                m = re.match(r"\s*([-*+]|\d+[.)])\s+(.*)", l)
                if m:
                    out.append(("ol" if m.group(1)[0].isdigit() else "ul", m.group(2)))
        else:
            out.append(("p", " ".join(l.strip() for l in lines)))
    return out


def typst_inline(s):
    s = html.unescape(s)
    s = re.sub(r"([#$@<>\\_`~\[\]*=])", r"\\\1", s)
    s = re.sub(r"\\\*\\\*(.+?)\\\*\\\*", r"*\1*", s)
    s = re.sub(r"\\\*(.+?)\\\*", r"_\1_", s)
    s = re.sub(r"\\\[(.+?)\\\]\((\S+?)\)", lambda m: f'#link("{m.group(2)}")[{m.group(1)}]', s)
    return s


def html_inline(s):
    s = html.escape(html.unescape(s), quote=False)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    s = re.sub(r"\*(.+?)\*", r"<em>\1</em>", s)
    s = re.sub(r"\[(.+?)\]\((\S+?)\)", r'<a href="\2">\1</a>', s)
    return s


def main(argv):
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--repeat")]
    content_path, brand_path, stem = args
    with open(content_path, "rb") as f:
        doc = tomllib.load(f)
    with open(brand_path, "rb") as f:
        brand = tomllib.load(f)
    primary = brand.get("colors", {}).get("primary", "#0E6E6E")
    sections = doc.get("section", []) * repeat
    name, phone = brand["name"], brand["phone"]
    cta = brand.get("call_to_action", "")

    # Typst.
    t = [f'#set document(title: "{doc["title"]}")',
         '#set page(paper: "a4", margin: (x: 20mm, top: 20mm, bottom: 22mm), footer: CONTEXT[',
         f'  #set text(size: 8pt); {typst_inline(name)} · *Call {typst_inline(phone)}* #h(1fr) '
         'Page #counter(page).display("1 of 1", both: true)])',
         '#set text(font: "Noto Sans", size: 12pt, lang: "en", hyphenate: true)',
         '#set par(leading: 0.55em, justify: false)',
         f'#show heading: set text(fill: rgb("{primary}"), size: 15pt)',
         f'#block(fill: rgb("{primary}"), inset: 14pt, width: 100%)[#text(fill: white, size: 28pt, weight: "bold")[{typst_inline(doc["title"])}]',
         f'#linebreak()#text(fill: white, size: 16pt)[{typst_inline(doc.get("subtitle", ""))}]]',
         typst_inline(doc.get("summary", "")), ""]
    for s in sections:
        if s.get("heading"):
            t.append(f"== {typst_inline(s['heading'])}")
        body = []
        for kind, text in blocks(s.get("body", "")):
            body.append(("- " if kind == "ul" else "+ " if kind == "ol" else "") + typst_inline(text))
            if kind == "p":
                body.append("")
        if s.get("kind") == "callout":
            t.append(f'#block(fill: rgb("{primary}").lighten(85%), inset: 10pt, width: 100%)[')
            t += body
            t.append("]")
        else:
            t += body
        t.append("")
    t.append(f'#block(fill: rgb("{primary}"), inset: 14pt, width: 100%)[#set text(fill: white)')
    t.append(f'*Questions? We are here to help.* \\ #text(size: 20pt)[*Call {typst_inline(phone)}*] \\ {typst_inline(cta)}]')
    # Typst 0.11 and later need `context` to show a counter; 0.10 (the npm CLI) has no such word.
    source = "\n".join(t) + "\n"
    with open(stem + ".typ", "w") as f:
        f.write(source.replace("CONTEXT[", "context ["))
    with open(stem + "-typst010.typ", "w") as f:
        f.write(source.replace("CONTEXT[", "["))

    # HTML for WeasyPrint.
    h = ['<!doctype html><html lang="en"><head><meta charset="utf-8">',
         f"<title>{html.escape(doc['title'])}</title><style>",
         "@page { size: A4; margin: 20mm 20mm 22mm 20mm;",
         f"  @bottom-left {{ content: '{name} · Call {phone}'; font: 8pt 'Noto Sans'; }}",
         "  @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font: 8pt 'Noto Sans'; } }",
         "body { font: 12pt/1.45 'Noto Sans'; hyphens: auto; }",
         f"h1 {{ background: {primary}; color: white; font-size: 28pt; padding: 14pt; margin: 0; }}",
         f"h2 {{ color: {primary}; font-size: 15pt; }}",
         f".callout {{ background: #e7f1f1; padding: 10pt; }} .cta {{ background: {primary}; color: white; padding: 14pt; }}",
         "</style></head><body>",
         f"<h1>{html.escape(doc['title'])}<br><small>{html.escape(doc.get('subtitle', ''))}</small></h1>",
         f"<p>{html_inline(doc.get('summary', ''))}</p>"]
    for s in sections:
        h.append('<section class="callout">' if s.get("kind") == "callout" else "<section>")
        if s.get("heading"):
            h.append(f"<h2>{html.escape(s['heading'])}</h2>")
        open_list = None
        for kind, text in blocks(s.get("body", "")):
            if kind != open_list and open_list:
                h.append(f"</{open_list}>")
                open_list = None
            if kind in ("ul", "ol"):
                if not open_list:
                    h.append(f"<{kind}>")
                    open_list = kind
                h.append(f"<li>{html_inline(text)}</li>")
            else:
                h.append(f"<p>{html_inline(text)}</p>")
        if open_list:
            h.append(f"</{open_list}>")
        h.append("</section>")
    h.append(f'<div class="cta"><strong>Questions? We are here to help.</strong><br><big><strong>Call {html.escape(phone)}</strong></big><br>{html.escape(cta)}</div>')
    h.append("</body></html>")
    with open(stem + ".html", "w") as f:
        f.write("\n".join(h) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
