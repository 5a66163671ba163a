#!/usr/bin/python3
"""leafpress against Typst (its CLI, and its in-process API under Node) and WeasyPrint on the same
leaflets: whole-process wall time, CPU (user + system), peak memory and PDF bytes, medians of
several runs, for one leaflet, a batch of the six catalogue leaflets, a batch of 240 (the six 40
times over) and a 240-page document. leafpress's batches build into an empty folder each run, so
that every PDF is written (a batch leaves a PDF it would write unchanged alone).
Prints a Markdown table. Run through bench/compare.sh, which fetches the peers.

    bench/compare.py RUNS PEERS_DIR
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEAFPRESS = os.path.join(ROOT, "build", "leafpress")
FONTS = os.path.join(ROOT, "fonts")
CONTENT = os.path.join(ROOT, "content")
BRAND = os.path.join(CONTENT, "brand.toml")
SEED = os.path.join(CONTENT, "stem-cell-therapy-autoimmune.toml")


def measure(commands, env=None, setup=None):
    """Runs the commands one after another; wall ms, CPU ms (children's user + system) and the
    largest peak RSS in MB among them. `setup` runs first, untimed."""
    if setup:
        setup()
    wall0 = time.perf_counter()
    cpu = 0.0
    peak = 0
    for argv in commands:
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(argv)}\n{err}")
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss)
    return (time.perf_counter() - wall0) * 1000, cpu * 1000, peak / 1024


def median_of(runs, commands, env=None, setup=None):
    results = [measure(commands, env, setup) for _ in range(runs)]
    return tuple(statistics.median(r[i] for r in results) for i in range(3))


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def main(argv):
    runs, peers = int(argv[0]), argv[1]
    typst = os.path.join(peers, "typst", "package", ".typst", "bin", "typst")
    modules = os.path.join(peers, "node", "node_modules")
    inproc = os.path.join(ROOT, "bench", "typst-inproc.mjs")
    convert = os.path.join(ROOT, "bench", "peers.py")
    tmp = tempfile.mkdtemp(prefix="leafpress-compare-")
    leaflets = sorted(os.path.join(CONTENT, f) for f in os.listdir(CONTENT) if f.endswith(".toml") and f != "brand.toml")

    # The same documents for the peers.
    def sources(content, stem, repeat=1):
        subprocess.run([convert, content, BRAND, os.path.join(tmp, stem), "--repeat", str(repeat)], check=True)
        return os.path.join(tmp, stem)

    rows = []

    def row(case, tool, commands, pdfs, env=None, note="", setup=None):
        wall, cpu, peak = median_of(runs, commands, env, setup)
        size = sum(os.path.getsize(p) for p in pdfs)
        n = sum(pages(p) for p in pdfs)
        rows.append((case, tool, wall, cpu, peak, size / 1024, n, note))

    def typst_inproc_row(case, stems):
        out = os.path.join(tmp, "inproc")
        os.makedirs(out, exist_ok=True)
        argv = ["node", inproc, modules, FONTS, out] + [s + ".typ" for s in stems]
        row(case, "Typst 0.14 in-process (Node API)", [argv],
            [os.path.join(out, os.path.basename(s) + ".pdf") for s in stems],
            note="one Node process, compiler made once")

    # One leaflet.
    s = sources(SEED, "seed")
    row("one leaflet (a4)", "leafpress", [[LEAFPRESS, "build", SEED, "-o", s + "-lp.pdf"]], [s + "-lp.pdf"])
    row("one leaflet (a4)", "Typst 0.10 CLI", [[typst, "compile", "--font-path", FONTS, s + "-typst010.typ", s + "-ty.pdf"]],
        [s + "-ty.pdf"])
    typst_inproc_row("one leaflet (a4)", [s])
    row("one leaflet (a4)", "WeasyPrint 57", [["weasyprint", s + ".html", s + "-wp.pdf"]], [s + "-wp.pdf"])

    # A batch: the six catalogue leaflets.
    stems = [sources(c, os.path.splitext(os.path.basename(c))[0]) for c in leaflets]
    lp_out = os.path.join(tmp, "batch")
    # An empty folder for each run: the last one moved aside, not deleted (ext4 without a journal
    # makes each new file skip every inode freed in the last minutes; the benchmark would time
    # its own deletions).
    moved = [0]

    def empty(folder):
        def move_aside():
            if os.path.exists(folder):
                moved[0] += 1
                os.rename(folder, f"{folder}.{moved[0]}")
        return move_aside
    row("batch of 6 (a4)", "leafpress batch -j 2",
        [[LEAFPRESS, "batch", CONTENT, "-o", lp_out, "-j", "2", "--layout", "a4"]],
        [os.path.join(lp_out, os.path.basename(st) + "-a4.pdf") for st in stems], setup=empty(lp_out))
    row("batch of 6 (a4)", "Typst 0.10 CLI, one process each",
        [[typst, "compile", "--font-path", FONTS, st + "-typst010.typ", st + "-ty.pdf"] for st in stems],
        [st + "-ty.pdf" for st in stems])
    typst_inproc_row("batch of 6 (a4)", stems)
    row("batch of 6 (a4)", "WeasyPrint 57, one process each", [["weasyprint", st + ".html", st + "-wp.pdf"] for st in stems],
        [st + "-wp.pdf" for st in stems])

    # A batch of 240: the six leaflets 40 times over (leafpress and the fastest peer).
    many = os.path.join(tmp, "many")
    os.makedirs(many)
    shutil.copy(BRAND, many)
    many_stems = []
    for c in leaflets:
        stem = os.path.splitext(os.path.basename(c))[0]
        for k in range(40):
            shutil.copy(c, os.path.join(many, f"{stem}-{k}.toml"))
            shutil.copy(os.path.join(tmp, stem + ".typ"), os.path.join(many, f"{stem}-{k}.typ"))
            many_stems.append(os.path.join(many, f"{stem}-{k}"))
    many_out = os.path.join(tmp, "many-out")
    row("batch of 240 (a4)", "leafpress batch -j 2",
        [[LEAFPRESS, "batch", many, "-o", many_out, "-j", "2", "--layout", "a4"]],
        [os.path.join(many_out, os.path.basename(st) + "-a4.pdf") for st in many_stems], setup=empty(many_out))
    typst_inproc_row("batch of 240 (a4)", many_stems)

    # A long document: the seed's sections 100 times over (about 240 pages at a4).
    long_content = os.path.join(tmp, "long.toml")
    with open(SEED) as f:
        text = f.read()
    head, _, body = text.partition("[[section]]")
    with open(long_content, "w") as f:
        f.write(head + ("[[section]]" + body) * 100)
    l = sources(SEED, "long", repeat=100)
    row("long document (a4)", "leafpress", [[LEAFPRESS, "build", long_content, "--brand", BRAND, "-o", l + "-lp.pdf"]],
        [l + "-lp.pdf"])
    row("long document (a4)", "Typst 0.10 CLI", [[typst, "compile", "--font-path", FONTS, l + "-typst010.typ", l + "-ty.pdf"]],
        [l + "-ty.pdf"])
    typst_inproc_row("long document (a4)", [l])
    row("long document (a4)", "WeasyPrint 57", [["weasyprint", l + ".html", l + "-wp.pdf"]], [l + "-wp.pdf"])

    cpu_model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    print(f"Machine: {os.cpu_count()} cores, {cpu_model}; medians of {runs} runs; whole processes "
          f"(CPU is user + system of every process; memory the largest peak RSS).\n")
    print("| case | tool | wall ms | CPU ms | peak MB | PDF KB | pages | rate |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for case, tool, wall, cpu, peak, kb, n, note in rows:
        # Leaflets a second for a batch, milliseconds a page for a long document.
        m = re.match(r"batch of (\d+)", case)
        rate = (f"{int(m.group(1)) / wall * 1000:.0f} leaflets/s" if m
                else f"{wall / n:.2f} ms/page" if case.startswith("long") and n else "")
        print(f"| {case} | {tool} | {wall:.1f} | {cpu:.1f} | {peak:.1f} | {kb:.1f} | {n} | {rate} |")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
