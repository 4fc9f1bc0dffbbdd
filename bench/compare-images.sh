#!/usr/bin/env bash
# Whole-command timings against yardsticks, JVM start included (never part of the tests):
#   - inspect --format json and check on 4 GiB and 16 GiB sparse xl migration-v2 images, against Xen's own
#     tools/python/scripts/verify-stream-v2 -f xl on the same files;
#   - check on the bundled 7.5 KB sample, against a bare `java -Xshare:auto -version`.
# Commands run in turn (ours, yardstick, ours, ...) after one warm-up each, so the page cache is warm and a drift
# of the machine's speed hits both; the medians and their ratio are printed.
#
# Usage: bench/compare-images.sh XEN_DIR [OURS...]
#   XEN_DIR  a checkout of xen-project/xen (or a copy of its tools/python): verify-stream-v2 runs from
#            XEN_DIR/tools/python/scripts with XEN_DIR/tools/python on PYTHONPATH (it imports xen.migration and
#            xen.util). Nothing of it is copied here.
#   OURS     how to run this tool, one command string each (default: java -jar app/target/savevm-inspector.jar);
#            e.g. packaging/target/dist/out/savevm-inspector/bin/savevm-inspector for the packaged launcher.
# Environment: RUNS (default 5; 3 for the 16 GiB image), SVI_BENCH_DIR (the images, default
# /var/tmp/savevm-inspector-bench; about 60 MB on disk, 20 GiB apparent), SIZES (default "4GiB 16GiB").
#
# The images are written by the bench module's ImageBench (the tests' SaveImageWriter): page contents are holes,
# and the EMULATOR_XENSTORE_DATA record carries no data, which verify-stream-v2 requires under Python 3.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ ! -f "$1/tools/python/scripts/verify-stream-v2" ]; then
  echo "usage: $0 XEN_DIR [OURS...]   (XEN_DIR/tools/python/scripts/verify-stream-v2 must exist)" >&2
  exit 2
fi
xen=$(cd "$1" && pwd)/tools/python
shift
[ $# -gt 0 ] || set -- "java -jar app/target/savevm-inspector.jar"
runs="${RUNS:-5}"
dir="${SVI_BENCH_DIR:-/var/tmp/savevm-inspector-bench}"
sizes="${SIZES:-4GiB 16GiB}"
sample=ui-resources/src/main/resources/org/savevminspector/ui/samples/xenserver-6.2-piix4acpi-sample.qevm
bench=bench/target/benchmarks.jar
[ -f "$bench" ] || { echo "build first: mvn -q -B -DskipTests package ($bench is missing)" >&2; exit 2; }

mkdir -p "$dir"
for size in $sizes; do
  img="$dir/xl-v2-$size.img"
  [ -f "$img" ] || java -cp "$bench" org.savevminspector.bench.ImageBench generate xl-v2 "$size" "$img" >&2
done

# seconds of one run of "$@", output discarded (nanosecond clock; the exit code is not judged)
seconds() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo "scale=4; ($t1 - $t0) / 1000000000" | bc
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# compare N A... -- B...: N paired runs after one warm-up each; prints "median_A median_B"
compare() {
  local n=$1
  shift
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  seconds "${a[@]}" >/dev/null
  seconds "${b[@]}" >/dev/null
  local ta=() tb=()
  for _ in $(seq "$n"); do
    ta+=("$(seconds "${a[@]}")")
    tb+=("$(seconds "${b[@]}")")
  done
  echo "$(printf '%s\n' "${ta[@]}" | median) $(printf '%s\n' "${tb[@]}" | median)"
}

verify() {
  PYTHONPATH="$xen" python3 "$xen/scripts/verify-stream-v2" -f xl -i "$1"
}

# the yardstick must accept the images, or the comparison means nothing
for size in $sizes; do
  verify "$dir/xl-v2-$size.img" >/dev/null 2>&1 || { echo "verify-stream-v2 rejects $dir/xl-v2-$size.img" >&2; exit 1; }
done

printf '%-58s %10s %10s %8s\n' "work (medians of paired runs, seconds)" "ours" "yardstick" "ratio"
for ours in "$@"; do
  read -r -a cmd <<<"$ours"
  echo "ours: $ours"
  for size in $sizes; do
    img="$dir/xl-v2-$size.img"
    n=$runs
    [ "$size" = 16GiB ] && n="${RUNS:-3}"
    for work in "inspect --format json" "check"; do
      read -r -a w <<<"$work"
      read -r t_ours t_xen < <(compare "$n" "${cmd[@]}" "${w[@]}" "$img" -- verify "$img")
      printf '  %-56s %10.3f %10.3f %7.1fx\n' "$work, $size xl-v2 vs verify-stream-v2" "$t_ours" "$t_xen" \
        "$(echo "scale=4; $t_xen / $t_ours" | bc)"
    done
  done
  read -r t_ours t_jvm < <(compare "$runs" "${cmd[@]}" check "$sample" -- java -Xshare:auto -version)
  printf '  %-56s %10.3f %10.3f %7.1fx\n' "check on the sample vs java -Xshare:auto -version (ours/JVM)" \
    "$t_ours" "$t_jvm" "$(echo "scale=4; $t_ours / $t_jvm" | bc)"
done
echo "ratios: verify-stream-v2 time / ours (higher is better); for the sample, ours / bare JVM (lower is better)"
