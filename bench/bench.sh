#!/usr/bin/env bash
# Times leafpress on the shipped catalogue and prints medians (wall clock, this machine).
#   bench/bench.sh [RUNS]      (default 15 runs per measurement; needs build/leafpress)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
bin=./build/leafpress
[[ -x $bin ]] || { echo "build first: cmake -S . -B build && cmake --build build" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median_ms LABEL COMMAND...: runs COMMAND $runs times, prints the median in milliseconds (and,
# with $per set, how many of $per that is a second). $fresh, when set, is a folder moved aside
# before each run, untimed, so that the run writes into an empty one: moved, not deleted, because
# ext4 without a journal (this machine's /tmp) makes each new file skip every inode freed in the
# last minutes, and a benchmark that deleted thousands of files would time that.
median_ms() {
    local label=$1; shift
    local times=()
    for ((i = 0; i < runs; i++)); do
        local t0 t1
        [[ -n ${fresh:-} && -e $fresh ]] && mv "$fresh" "$fresh.$i.$RANDOM"
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s%N)
        times+=($(((t1 - t0) / 1000)))
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
    if [[ -n ${per:-} ]]; then
        printf '%-58s %8.1f ms  %5.0f/s\n' "$label" "$(echo "$median / 1000" | bc -l)" "$(echo "$per * 1000000 / $median" | bc -l)"
    else
        printf '%-58s %8.1f ms\n' "$label" "$(echo "$median / 1000" | bc -l)"
    fi
}

leaflets=$(ls content/*.toml | grep -v brand.toml | wc -l)
layouts=(a4 letter large-print trifold)
echo "leafpress $($bin --version | awk '{print $2}'), $(nproc) cores, $runs runs each, median wall time"
median_ms "build stem-cell-therapy-autoimmune (a4, 3 pages)" \
    $bin build content/stem-cell-therapy-autoimmune.toml -o "$tmp/one.pdf"
median_ms "build stem-cell-therapy-autoimmune (trifold, copy-fit)" \
    $bin build content/stem-cell-therapy-autoimmune.toml --layout trifold -o "$tmp/tri.pdf"
median_ms "check stem-cell-therapy-autoimmune (no PDF)" \
    $bin check content/stem-cell-therapy-autoimmune.toml
for j in 1 "$(nproc)"; do
    median_ms "batch --force: $leaflets leaflets x ${#layouts[@]} layouts, -j $j" \
        $bin batch content -o "$tmp/out" --force -j "$j" $(printf -- '--layout %s ' "${layouts[@]}")
done
median_ms "batch, nothing changed (incremental)" \
    $bin batch content -o "$tmp/out" $(printf -- '--layout %s ' "${layouts[@]}")

# 240 leaflets (the catalogue 40 times over, a4) into an empty folder each run: every PDF and the
# contact sheet written.
mkdir -p "$tmp/many"
cp content/brand.toml "$tmp/many/"
for f in content/*.toml; do
    [[ $(basename "$f") == brand.toml ]] && continue
    for k in $(seq 40); do cp "$f" "$tmp/many/$(basename "$f" .toml)-$k.toml"; done
done
count=$(ls "$tmp/many" | grep -vc brand.toml)
for j in 1 "$(nproc)"; do
    per=$count fresh="$tmp/many-out" median_ms "batch: $count leaflets (a4) into an empty folder, -j $j" \
        $bin batch "$tmp/many" -o "$tmp/many-out" -j "$j"
done
per=$count median_ms "batch --force: the same $count again, over their PDFs, -j $(nproc)" \
    $bin batch "$tmp/many" -o "$tmp/many-out" --force -j "$(nproc)"
