#!/usr/bin/env bash
# How long the local stack takes until it is ready (every service UP, realm imported, demo data seeded), as the
# launcher reports it ("stack ready after N s" under its start timeline): from a fresh data dir (--wipe) and a
# restart on the same data, RUNS times each, then the median of each.
#
#   bench/stack-start.sh [--runs N] [--port-offset N] [--data-dir DIR] [--cold] [--out FILE]
#
#   --runs N          runs of each kind (default 3)
#   --port-offset N   ports of the stack under test (default -6000: below the ephemeral range that tests pick from)
#   --data-dir DIR    its data dir (default /tmp/govtech-bench-stack; wiped by the fresh runs)
#   --cold            delete the launcher's optimized Keycloak first, so the first fresh run is a newcomer's first
#                     start after the build (it includes `kc.sh build`); reported on its own, not in the median
#   --out FILE        also write the report there (default: stdout only)
#
# Needs the built platform (./mvnw -B -q install -DskipTests, or ./stack.sh once). Measure on an idle machine:
# the report starts with the load average, and a busy machine makes every figure meaningless.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/deploy/local/target/govtech-stack.jar"
runs=3
offset=-6000
data_dir=/tmp/govtech-bench-stack
cold=false
out=""
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --port-offset) offset="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --cold) cold=true; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -f "$JAR" ]] || { echo "no $JAR: build first (./mvnw -B -q install -DskipTests)" >&2; exit 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d /tmp/stack-start.XXXXXX)"
launcher_pid=""

cleanup() {
  if [[ -n "$launcher_pid" ]] && kill -0 "$launcher_pid" 2>/dev/null; then
    kill -TERM "$launcher_pid" 2>/dev/null || true
    wait "$launcher_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# one start: prints the seconds the launcher reports, keeps its output in $work/<label>.out
start_once() {
  local label="$1"; shift
  local output="$work/$label.out"
  "$JAVA" -Xmx256m -XX:+UseSerialGC -Dgovtech.stack.root="$ROOT" -jar "$JAR" up --data-dir "$data_dir" \
    --port-offset "$offset" --timeout 600 "$@" >"$output" 2>&1 &
  launcher_pid=$!
  local seconds=""
  while kill -0 "$launcher_pid" 2>/dev/null; do
    seconds="$(sed -n 's/^ *stack ready after \([0-9.]*\) s$/\1/p' "$output")"
    [[ -n "$seconds" ]] && break
    sleep 1
  done
  kill -TERM "$launcher_pid" 2>/dev/null || true
  wait "$launcher_pid" 2>/dev/null || true
  launcher_pid=""
  if [[ -z "$seconds" ]]; then
    echo "the launcher ended before it was ready ($label); its output:" >&2
    tail -40 "$output" >&2
    exit 1
  fi
  echo "$seconds"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

report() {
  if [[ -n "$out" ]]; then echo "$*" | tee -a "$out"; else echo "$*"; fi
}

[[ -n "$out" ]] && : >"$out"
report "# stack start, $(date -u +%FT%TZ)"
report "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1)"
report "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "$cold" == true ]]; then
  rm -rf "$ROOT/deploy/local/target/keycloak-optimized"
  first="$(start_once cold --wipe)"
  report "first fresh start after the build (Keycloak built for --optimized on the way): $first s"
  grep -A30 '^Start timeline' "$work/cold.out" | sed -n '1,/stack ready after/p' | while IFS= read -r line; do report "    $line"; done
fi

fresh=()
restart=()
for ((i = 1; i <= runs; i++)); do
  fresh+=("$(start_once "fresh-$i" --wipe)")
  restart+=("$(start_once "restart-$i")")
  report "run $i: fresh ${fresh[-1]} s, restart ${restart[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
done
report "median of $runs: fresh data dir $(printf '%s\n' "${fresh[@]}" | median) s, restart on existing data $(printf '%s\n' "${restart[@]}" | median) s"
report "timeline of the last fresh start:"
grep -A30 '^Start timeline' "$work/fresh-$runs.out" | sed -n '1,/stack ready after/p' | while IFS= read -r line; do report "    $line"; done
report "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
