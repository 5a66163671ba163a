#!/usr/bin/env bash
# Installs what is missing, builds, and renders every leaflet in content/ into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target leafpress
# Every shipped layout (layouts/*.toml).
layouts=()
for f in layouts/*.toml; do layouts+=(--layout "$(basename "$f" .toml)"); done
./build/leafpress batch content -o out "${layouts[@]}" "$@"
