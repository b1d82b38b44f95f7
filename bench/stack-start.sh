#!/usr/bin/env bash
# How long the local stack takes until it is ready (every service UP, realm imported, demo data seeded), as the
# launcher reports it ("stack ready after N s" under its start timeline): from a fresh data dir (--wipe) and a
# restart on the same data, RUNS times each, then the median of each.
#
#   bench/stack-start.sh [--runs N] [--port-offset N] [--data-dir DIR] [--cold [--no-prepare] | --first-start]
#                        [--out FILE]
#
#   --runs N          runs of each kind (default 3; 0 with --cold: only the first start after the build)
#   --port-offset N   ports of the stack under test (default -6000: below the ephemeral range that tests pick from)
#   --data-dir DIR    its data dir (default /tmp/govtech-bench-stack; wiped by the fresh runs)
#   --cold            as a newcomer has it after the build: delete the optimized Keycloak and the prepared Keycloak
#                     database, run the build's step that makes them again (`govtech-stack.jar prepare-keycloak`,
#                     timed and reported as build time), then the first fresh start (reported on its own, not in the
#                     median). Like --first-start, it starts without the applications' AppCDS archives / AOT caches.
#   --first-start     the newcomer's first start after the build, without redoing the build's own step: the optimized
#                     Keycloak and the prepared Keycloak database are taken from the build as they are, the
#                     applications' AppCDS archives / AOT caches are not (a build has none: its first start writes
#                     them when it stops); that start is reported on its own, then the runs as usual
#   --no-prepare      with --cold: skip that step, so no run has a prepared Keycloak database or optimized build (the
#                     launcher's fallback: Keycloak builds itself and sets up its database on every fresh data dir)
#   --out FILE        also write the report there (default: stdout only)
#
# The stack runs from a copy of the build in a temporary directory (lib.sh's bench_snapshot, plus the optimized
# Keycloak, the prepared Keycloak database and the AOT caches / AppCDS archives unless --cold), so a Maven build running meanwhile
# cannot pull a jar from under it; --cold's prepare-keycloak works on that copy, the repository's target/ is untouched.
#
# Every run's report line is followed by its phases (when each part was ready, seconds since the launcher started)
# and by the CPU seconds each part of the stack had used when the stack was ready (from /proc: the launcher, PostgreSQL
# found through its postmaster.pid, and each process the launcher started, children included; a busy machine moves
# wall times a lot and CPU seconds little); the end shows the median of each phase. Needs the built platform
# (./mvnw -B -q install -DskipTests, or
# ./stack.sh once). Measure on an idle machine: the report starts with the load average, and a busy machine makes
# every figure meaningless.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BUILD="$BENCH_ROOT"
runs=3
offset=-6000
data_dir=/tmp/govtech-bench-stack
cold=false
first_start=false
prepare=true
out=""
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --port-offset) offset="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --cold) cold=true; shift ;;
    --no-prepare) prepare=false; shift ;;
    --first-start) first_start=true; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$cold" == true && "$first_start" == true ]] && { echo "--cold and --first-start exclude each other" >&2; exit 2; }
[[ -f "$BUILD/deploy/local/target/govtech-stack.jar" ]] \
  || { echo "no $BUILD/deploy/local/target/govtech-stack.jar: build first (./mvnw -B -q install -DskipTests)" >&2; exit 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d /tmp/stack-start.XXXXXX)"
# start_once runs in a command substitution (a subshell): the launcher's pid reaches the cleanup through this file
launcher_pid_file="$work/launcher.pid"

cleanup() {
  local launcher_pid
  launcher_pid="$(cat "$launcher_pid_file" 2>/dev/null || true)"
  if [[ -n "$launcher_pid" ]] && kill -0 "$launcher_pid" 2>/dev/null; then
    kill -TERM "$launcher_pid" 2>/dev/null || true
    # not this shell's child: wait for its stop by polling (a first stop may write archives for up to 150 s)
    for _ in $(seq 1 200); do kill -0 "$launcher_pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ROOT="$work/root"
JAR="$ROOT/deploy/local/target/govtech-stack.jar"
bench_snapshot "$ROOT" membership-service learning-service solutions-service marketplace-service gateway
# what the build made; the archives / caches only when the run is not about the first start after the build
caches=(keycloak-optimized keycloak-database appcds)
[[ "$first_start" == true ]] && caches=(keycloak-optimized keycloak-database)
if [[ "$cold" != true ]]; then
  for cache in "${caches[@]}"; do
    if [[ -d "$BUILD/deploy/local/target/$cache" ]]; then
      cp -a "$BUILD/deploy/local/target/$cache" "$ROOT/deploy/local/target/"
    fi
  done
fi

# one start: prints the seconds the launcher reports, keeps its output in $work/<label>.out
start_once() {
  local label="$1"; shift
  local output="$work/$label.out"
  (cd "$ROOT" && exec "$JAVA" -Xmx256m -XX:+UseSerialGC -Dgovtech.stack.root="$ROOT" -jar "$JAR" up --data-dir "$data_dir" \
    --port-offset "$offset" --timeout 600 "$@" </dev/null >"$output" 2>&1) &
  local launcher_pid=$!
  echo "$launcher_pid" >"$launcher_pid_file"
  local seconds=""
  while kill -0 "$launcher_pid" 2>/dev/null; do
    seconds="$(sed -n 's/^ *stack ready after \([0-9.]*\) s$/\1/p' "$output")"
    [[ -n "$seconds" ]] && break
    sleep 1
  done
  [[ -n "$seconds" ]] && cpu_by_part "$launcher_pid" >"$work/$label.cpu"
  kill -TERM "$launcher_pid" 2>/dev/null || true
  wait "$launcher_pid" 2>/dev/null || true
  rm -f "$launcher_pid_file"
  if [[ -z "$seconds" ]]; then
    echo "the launcher ended before it was ready ($label); its output:" >&2
    tail -40 "$output" >&2
    exit 1
  fi
  echo "$seconds"
}

# CPU seconds (user + system, children that ended included) of the launcher and of every process under it, by part
# of the stack: "part<TAB>seconds" lines, largest first
cpu_by_part() {
  local root="$1" hz pid args part
  hz="$(getconf CLK_TCK)"
  local -a pids=("$root") queue=("$root")
  # PostgreSQL's server detaches from the launcher (pg_ctl): its postmaster, with the backends under it
  local postmaster
  postmaster="$(head -1 "$data_dir"/postgres*/postmaster.pid "$data_dir"/*/postgres*/postmaster.pid 2>/dev/null | grep -m1 '^[0-9]' || true)"
  [[ -n "$postmaster" ]] && pids+=("$postmaster") && queue+=("$postmaster")
  while ((${#queue[@]})); do
    local children
    children="$(pgrep -P "${queue[0]}" || true)"
    queue=("${queue[@]:1}")
    for pid in $children; do pids+=("$pid"); queue+=("$pid"); done
  done
  for pid in "${pids[@]}"; do
    [[ -r "/proc/$pid/stat" ]] || continue
    args="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)" # 2>/dev/null first: a process may be gone by now
    if [[ "$pid" == "$root" ]]; then part=launcher
    elif [[ "$args" == "sh -c "*watchdog* ]]; then part=watchdogs
    elif [[ "$args" =~ ([A-Za-z0-9_-]+)/target/quarkus-app/quarkus-run.jar ]]; then part="${BASH_REMATCH[1]}"
    elif [[ "$args" == *keycloak* ]]; then part=keycloak
    elif [[ "$args" == *quarkus-run.jar* ]]; then part="$(basename "$(readlink "/proc/$pid/cwd")")"
    elif [[ "$args" == *kafka* ]]; then part=kafka
    elif [[ "$args" == *sample-broker* ]]; then part=sample-broker
    elif [[ "$args" == *postgres* || "$pid" == "$postmaster" ]]; then part=postgresql
    else part="$(basename "${args%% *}")"
    fi
    # fields after the command's parentheses: utime is the 12th, stime, cutime, cstime follow
    sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk -v part="$part" -v hz="$hz" '{ printf "%s\t%.2f\n", part, ($12 + $13 + $14 + $15) / hz }'
  done | awk -F'\t' '{ cpu[$1] += $2 } END { for (p in cpu) printf "%s\t%.1f\n", p, cpu[p] }' | sort -t$'\t' -k2,2 -rn
}

# one line: CPU seconds at ready by part, and their sum
cpu_line() {
  [[ -s "$1" ]] || { echo "-"; return; }
  awk -F'\t' '{ total += $2; parts = parts (parts == "" ? "" : ", ") $1 " " $2 } END { printf "%s; total %.1f\n", parts, total }' "$1"
}

# the start timeline of one run as "component<TAB>ready" lines (ready: seconds since the launcher started)
phases() {
  sed -n '/^Start timeline/,/stack ready after/p' "$1" | sed -n '3,$p' | grep -v 'stack ready after' \
    | sed 's/ *|.*|$//' | awk '{ ready = $(NF - 1); $NF = ""; $(NF - 1) = ""; $(NF - 2) = ""; sub(/^ +/, ""); sub(/ +$/, "");
                                printf "%s\t%s\n", $0, ready }'
}

# one line: when each part was ready; the services as a range
phase_line() {
  phases "$1" | awk -F'\t' '
    $1 ~ /-service$/ { if (lo == "" || $2 + 0 < lo + 0) lo = $2; if ($2 + 0 > hi + 0) hi = $2; next }
    { parts = parts (parts == "" ? "" : ", ") $1 " " $2 }
    END { if (lo != "") parts = parts ", services " lo "-" hi; print parts }'
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
apps_java="$("$JAVA" -cp "$JAR" de.govtech.deploy.local.SmallJvm --java 2>/dev/null || echo "$JAVA")"
report "applications on: $("$apps_java" -version 2>&1 | head -1) ($apps_java; the launcher's choice, deploy/local RuntimeJdk)"
report "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ "$cold" == true || "$first_start" == true ]]; then
  if [[ "$first_start" == true ]]; then
    report "first start after the build: Keycloak optimized and its database prepared by the build, no AppCDS archives / AOT caches yet"
  elif [[ "$prepare" == true ]]; then
    begin=$(date +%s.%N)
    (cd "$ROOT" && "$JAVA" -Xmx128m -XX:+UseSerialGC -jar "$JAR" prepare-keycloak) >"$work/prepare.out" 2>&1 \
      || { cat "$work/prepare.out" >&2; exit 1; }
    report "build step prepare-keycloak (Keycloak built for --optimized, its database prepared; part of the build, not of a start): $(awk -v b="$begin" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - b }') s (load $(cut -d' ' -f1 /proc/loadavg))"
  else
    report "no prepare-keycloak: every fresh start sets up Keycloak's database, the first also builds Keycloak"
  fi
  first="$(start_once cold --wipe)"
  report "first fresh start after the build: $first s"
  report "    phases: $(phase_line "$work/cold.out")"
  report "    CPU s at ready: $(cpu_line "$work/cold.cpu")"
fi

fresh=()
restart=()
for ((i = 1; i <= runs; i++)); do
  fresh+=("$(start_once "fresh-$i" --wipe)")
  restart+=("$(start_once "restart-$i")")
  report "run $i: fresh ${fresh[-1]} s, restart ${restart[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
  report "    fresh phases:   $(phase_line "$work/fresh-$i.out")"
  report "    restart phases: $(phase_line "$work/restart-$i.out")"
  report "    fresh CPU s at ready:   $(cpu_line "$work/fresh-$i.cpu")"
  report "    restart CPU s at ready: $(cpu_line "$work/restart-$i.cpu")"
done
if ((runs > 0)); then
  report "median of $runs: fresh data dir $(printf '%s\n' "${fresh[@]}" | median) s, restart on existing data $(printf '%s\n' "${restart[@]}" | median) s"
  for kind in fresh restart; do
    report "median ready time per phase, $kind (s since the launcher started):"
    for ((i = 1; i <= runs; i++)); do phases "$work/$kind-$i.out"; done \
      | awk -F'\t' '{ if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } v[$1] = v[$1] " " $2 }
          END { for (i = 1; i <= n; i++) print order[i] "\t" v[order[i]] }' \
      | while IFS=$'\t' read -r name values; do
          report "    $(printf '%-20s' "$name") $(tr ' ' '\n' <<<"$values" | grep -v '^$' | median)"
        done
  done
  report "timeline of the last fresh start:"
  grep -A30 '^Start timeline' "$work/fresh-$runs.out" | sed -n '1,/stack ready after/p' | while IFS= read -r line; do report "    $line"; done
fi
report "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
