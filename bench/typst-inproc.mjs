// Typst's in-process API (@myriaddreamin/typst-ts-node-compiler, Typst 0.14) on the same
// documents as the CLI: one compiler, every .typ file compiled to PDF in turn, as a batch
// service would. Prints "ms_total pdf_bytes_total peak_rss_kb".
//   node bench/typst-inproc.mjs NODE_MODULES FONT_DIR OUT_DIR FILE.typ...
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const [modules, fontDir, outDir, ...files] = process.argv.slice(2);
const require = createRequire(join(modules, "noop.js"));
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontDir] }] });
let peak = process.memoryUsage().rss;
let bytes = 0;
const start = process.hrtime.bigint();
for (const file of files) {
  const pdf = compiler.pdf({ mainFileContent: readFileSync(file, "utf8") });
  bytes += pdf.length;
  writeFileSync(join(outDir, basename(file, ".typ") + ".pdf"), pdf);
  peak = Math.max(peak, process.memoryUsage().rss);
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`${ms.toFixed(1)} ${bytes} ${Math.round(peak / 1024)}`);
