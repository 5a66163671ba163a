#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each on its committed corpus
# for a fixed time (default 20 s each; FUZZ_SECONDS overrides). New inputs go to a scratch
# folder, never into fuzz/corpus; a crash leaves its input in build-fuzz/ and fails the run:
# add that input to fuzz/corpus/<target>/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
# A small ASan quarantine: freed memory is held back for a while to catch use-after-free, and
# over a million short runs the default lets it grow past the fuzzer's memory limit (a false
# out-of-memory, seen on the image target with live heap at 24 MB).
export ASAN_OPTIONS="quarantine_size_mb=32${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Leaks inside Debian's libraries (libhyphen's pattern loader) are not leafpress's.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DLEAFPRESS_FUZZ=ON -DLEAFPRESS_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_content fuzz_markup fuzz_settings fuzz_image fuzz_pipeline
for target in content markup settings image pipeline; do
  scratch=$(mktemp -d)
  echo "fuzz: $target for ${seconds}s"
  # The pipeline reaches fontconfig, whose frames have no frame pointers: full stacks on
  # allocation let lsan.supp name the function a leak report comes from.
  unwind=
  [[ $target == pipeline ]] && unwind=:fast_unwind_on_malloc=0
  # One allocation over 2 GB is a bug (-malloc_limit_mb); the process's resident size may pass
  # it: ASan's allocator keeps what a 40-megapixel picture's buffers took after they are freed
  # (a false out-of-memory on the image target, live heap 24 MB, resident 2.2 GB).
  (cd build-fuzz && ASAN_OPTIONS="$ASAN_OPTIONS$unwind" "./fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 \
     -rss_limit_mb=4096 -malloc_limit_mb=2048 \
     -timeout=10 -print_final_stats=1 "$scratch" "../fuzz/corpus/$target" 2>"fuzz-$target.log") || {
    tail -n 60 "build-fuzz/fuzz-$target.log"
    rm -rf "$scratch"
    echo "fuzz: $target FAILED (its log and crash input are in build-fuzz/)" >&2
    exit 1
  }
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build-fuzz/fuzz-$target.log" | tr '\n' ' '
  echo
  rm -rf "$scratch"
done
echo "fuzz: all targets ran clean"
