#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the unit and end-to-end suites with
# ctest, the same suites again built with AddressSanitizer and UndefinedBehaviorSanitizer, and
# a short run of every fuzz target on its corpus (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEAFPRESS_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== the whole suite again under ASan + UBSan"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEAFPRESS_SANITIZE=ON -DLEAFPRESS_BUILD_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp" ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== fuzz smoke run"
FUZZ_SECONDS=${FUZZ_SECONDS:-20} bash scripts/fuzz.sh

echo "== all tests passed: unit and end-to-end, sanitised, and fuzzed"
