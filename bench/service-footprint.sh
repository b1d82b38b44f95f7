#!/usr/bin/env bash
# Each service started alone, as the local stack starts it (same jar, JVM options and environment), against a
# running stack's PostgreSQL, Kafka and Keycloak: the time from process start to /q/health/ready = 200, Quarkus's own
# "started in" figure, and the resident memory (VmRSS from /proc; VmHWM is the peak) after a short wrk load on an
# authenticated read of the service. Per service also what its start cost, read at ready (CPU seconds, threads,
# classes loaded and from the AppCDS archives, young and full GCs): figures that a busy machine hardly moves. The
# stack's own instance keeps running beside it, but the measured one is alone in its Kafka consumer groups (groups of
# its own, named <group>-footprint): in the stack's groups its readiness would wait for the stack's instance to rejoin
# a rebalance (up to a heartbeat interval, 3 s) — a cost of the two instances, not of the service's start.
#
#   bench/service-footprint.sh [--port-offset N] [--services a,b] [--duration S] [--connections C] [--jvm "OPTS"]
#                              [--memory] [--out FILE]
#
#   --port-offset N   the running stack's port offset (default 0). Without a stack answering there, one is started
#                     (data dir /tmp/govtech-bench-footprint) and stopped at the end.
#   --data-dir DIR    the running stack's data dir, for the marketplace's broker-password key (default .stack-data)
#   --services a,b    membership,learning,solutions,marketplace (default all four)
#   --duration S      seconds of measured load after a 10 s warm-up (default 30)
#   --connections C   wrk connections (default 16, 2 threads)
#   --jvm "OPTS"      JVM options instead of the launcher's. By default the script asks the built launcher for exactly
#                     the options it gives the service (deploy/local SmallJvm: small heap, serial GC, C1 only, native
#                     heap trimmed; and its AOT cache on JDK 25+, else its AppCDS archive); MALLOC_ARENA_MAX=2 either
#                     way. When the service's cache or archive does not exist yet, one start and stop writes it first
#                     (as the launcher's first start after a build does), so the measured start is the launcher's
#                     usual one.
#   The service runs on the JDK the launcher runs the applications on (`SmallJvm --java`: GOVTECH_JAVA_HOME, else the
#   launcher's own); with --jvm on $JAVA_HOME's java (or the PATH's).
#   --memory          also say what the resident memory after load is made of: /proc/<pid>/smaps summed by mapping
#                     (anonymous memory, the AppCDS archive or AOT cache, the JDK's base archive, libjvm.so, malloc's
#                     [heap], other mappings) and the Java heap's and metaspace's committed sizes (jstat -gc)
#   --out FILE        also write the report there
#
# Needs curl and wrk (apt-get install -y wrk). Measure on an idle machine; the report records the load average.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
offset=0
data_dir="$ROOT/.stack-data"
services=membership,learning,solutions,marketplace
duration=30
connections=16
jvm=""
memory=""
out=""
while (($#)); do
  case "$1" in
    --port-offset) offset="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --services) services="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --jvm) jvm="$2"; shift 2 ;;
    --memory) memory=1; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
launcher_jar="$ROOT/deploy/local/target/govtech-stack.jar"
[[ -n "$jvm" || -f "$launcher_jar" ]] || { echo "the launcher is not built ($launcher_jar); or give --jvm" >&2; exit 1; }
launcher_options() { # area -> the JVM options the launcher gives that service, its AOT cache / AppCDS option included
  "$JAVA" -cp "$launcher_jar" de.govtech.deploy.local.SmallJvm "$1" "$ROOT"
}
SERVICE_JAVA="$JAVA"
[[ -n "$jvm" ]] || SERVICE_JAVA="$("$JAVA" -cp "$launcher_jar" de.govtech.deploy.local.SmallJvm --java)"
SERVICE_JDK="$(dirname "$(dirname "$(readlink -f "$(command -v "$SERVICE_JAVA")")")")" # its jcmd reads the counters

pg_port=$((15432 + offset))
kafka_port=$((19092 + offset))
keycloak_port=$((8180 + offset))
gateway_port=$((8080 + offset))
realm_url="http://localhost:$keycloak_port/realms/govtech"
work="$(mktemp -d /tmp/service-footprint.XXXXXX)"
stack_pid=""
service_pid=""

cleanup() {
  for pid in $service_pid $stack_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT

report() {
  if [[ -n "$out" ]]; then echo "$*" | tee -a "$out"; else echo "$*"; fi
}

# What the start cost, read when the service is ready; unlike the wall time these hardly move on a busy machine: the
# JVM's CPU time, its threads, the classes it loaded and how many of them came from the AppCDS archives, and its
# young and full collections (the JVM's own counters, PerfCounter.print).
start_cost() {
  local pid="$1" counters cpu
  counters="$("$SERVICE_JDK/bin/jcmd" "$pid" PerfCounter.print 2>/dev/null || true)"
  cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat")"
  counter() { sed -n "s/^$1=//p" <<<"$counters"; }
  echo "cpu ${cpu} s, threads $(ls "/proc/$pid/task" | wc -l), classes $(counter java.cls.loadedClasses) from jars" \
    "+ $(counter java.cls.sharedLoadedClasses) from the archives, GCs $(counter sun.gc.collector.0.invocations) young" \
    "$(counter sun.gc.collector.1.invocations) full"
}

# What the resident memory is made of: smaps' Rss summed by mapping, and the heap's and metaspace's committed sizes.
memory_detail() {
  local pid="$1" jdk_lib
  jdk_lib="$SERVICE_JDK/lib/"
  awk -v jdk_lib="$jdk_lib" '
    /^[0-9a-f]+-[0-9a-f]+ / { name = $6; kind = name == "" ? "anonymous" : name == "[heap]" ? "malloc [heap]" \
        : index(name, jdk_lib) == 1 && name ~ /\.jsa$/ ? "the JDK base archive" \
        : name ~ /\.(jsa|aot)$/ ? "archive/cache" : name ~ /\/libjvm\.so$/ ? "libjvm.so" : "other mappings" }
    /^Rss:/ { rss[kind] += $2; total += $2 }
    END {
      printf "RSS %.0f MiB =", total / 1024
      n = split("anonymous|archive/cache|the JDK base archive|libjvm.so|malloc [heap]|other mappings", order, "|")
      for (i = 1; i <= n; i++) printf "%s %s %.0f", (i > 1 ? " +" : ""), order[i], rss[order[i]] / 1024
      print " MiB"
    }' "/proc/$pid/smaps"
  "$SERVICE_JDK/bin/jstat" -gc "$pid" | awk '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { printf "Java heap committed %.0f MiB (young %.0f, old %.0f of which %.0f used), metaspace %.0f + class space %.0f MiB\n",
        ($col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]) / 1024, ($col["S0C"] + $col["S1C"] + $col["EC"]) / 1024,
        $col["OC"] / 1024, $col["OU"] / 1024, $col["MC"] / 1024, $col["CCSC"] / 1024 }'
}

up() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == 200 ]]
}

if ! up "http://localhost:$gateway_port/q/health/ready"; then
  data_dir=/tmp/govtech-bench-footprint
  echo "no stack at port offset $offset: starting one (data dir $data_dir) …"
  "$JAVA" -Xmx256m -XX:+UseSerialGC -Dgovtech.stack.root="$ROOT" -jar "$ROOT/deploy/local/target/govtech-stack.jar" up \
    --data-dir "$data_dir" --port-offset "$offset" --timeout 600 >"$work/stack.out" 2>&1 &
  stack_pid=$!
  until grep -q '^ *stack ready after' "$work/stack.out"; do
    kill -0 "$stack_pid" 2>/dev/null || { tail -40 "$work/stack.out" >&2; exit 1; }
    sleep 2
  done
fi

token="$(curl -sf -d grant_type=password -d client_id=govtech-cli -d username=dev-platform-admin \
  -d password=dev-platform-admin "$realm_url/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[[ -n "$token" ]] || { echo "no token from $realm_url" >&2; exit 1; }

[[ -n "$out" ]] && : >"$out"
report "# service start and footprint, $(date -u +%FT%TZ)"
report "machine: $(nproc) cores, services on $("$SERVICE_JAVA" -version 2>&1 | head -1) ($SERVICE_JAVA); JVM options: ${jvm:-from the launcher, per service below}; wrk -t2 -c$connections, ${duration} s after 10 s warm-up"
report "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
report "$(printf '%-20s %8s %10s %10s %10s %10s %10s' service ready_s quarkus_s req_per_s p50 rss_MiB peak_MiB)"

IFS=, read -r -a wanted <<<"$services"
for area in "${wanted[@]}"; do
  case "$area" in
    membership) base=8081; path=/api/v1/membership/municipalities ;;
    learning) base=8082; path=/api/v1/learning/catalogue/courses ;;
    solutions) base=8083; path=/api/v1/solutions/catalogue ;;
    marketplace) base=8084; path=/api/v1/marketplace/catalogue/apps ;;
    *) echo "unknown service $area" >&2; exit 2 ;;
  esac
  port=$((base + 100 + offset))
  module="$area-service"
  log="$work/$module.log"
  env_vars=(MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pg_port/$area"
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
    KAFKA_BOOTSTRAP_SERVERS="localhost:$kafka_port" QUARKUS_OIDC_AUTH_SERVER_URL="$realm_url"
    LEARNING_CREDENTIALS_PUBLIC_BASE_URL="http://localhost:$gateway_port"
    GOVTECH_MARKETPLACE_BROKERS_ALLOW_PLAIN_HTTP=true GOVTECH_MARKETPLACE_BROKERS_ALLOW_PRIVATE_TARGETS=true
    GOVTECH_MARKETPLACE_BROKERS_ENCRYPTION_KEY="$(cat "$data_dir/marketplace-broker-password.key" 2>/dev/null \
      || head -c 32 /dev/urandom | base64)")
  # every platform-messaging subscription of the service in a consumer group of its own (see the top)
  while IFS='=' read -r property group; do
    subscription="${property#govtech.subscriptions.}"; subscription="${subscription%.group-id}"
    env_vars+=("GOVTECH_SUBSCRIPTIONS_$(tr 'a-z-' 'A-Z_' <<<"$subscription")_GROUP_ID=$group-footprint")
  done < <(grep -E '^govtech\.subscriptions\.[a-z-]+\.group-id=' "$ROOT/$module/src/main/resources/application.properties")
  options="$jvm"
  if [[ -z "$jvm" ]]; then
    options="$(launcher_options "$area")"
    if [[ "$options" == *ArchiveClassesAtExit* || "$options" == *AOTCacheOutput* ]]; then
      # the launcher's first start after a build writes the archive or cache when it stops; the later starts use it
      echo "$module: no AOT cache / AppCDS archive yet: one start and stop to write it …"
      # shellcheck disable=SC2086 # the JVM options are words
      (cd "$ROOT/$module" && exec env "${env_vars[@]}" "$SERVICE_JAVA" $options -jar target/quarkus-app/quarkus-run.jar) \
        >"$work/$module-archive.log" 2>&1 &
      service_pid=$!
      until up "http://localhost:$port/q/health/ready"; do
        kill -0 "$service_pid" 2>/dev/null || { tail -30 "$work/$module-archive.log" >&2; exit 1; }
        sleep 0.2
      done
      kill -TERM "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""
      # as the launcher does after a clean stop: the output written at exit becomes the AOT cache / AppCDS archive
      part="$(sed -n 's/.*-XX:\(AOTCacheOutput\|ArchiveClassesAtExit\)=\([^ ]*\).*/\2/p' <<<"$options")"
      if [[ -n "$part" && -s "$part" ]]; then mv "$part" "${part%.part}"; fi
      options="$(launcher_options "$area")"
    fi
    report "$module JVM options: $options"
  fi
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # the JVM options are words
  (cd "$ROOT/$module" && exec env "${env_vars[@]}" "$SERVICE_JAVA" $options -jar target/quarkus-app/quarkus-run.jar) >"$log" 2>&1 &
  service_pid=$!
  until up "http://localhost:$port/q/health/ready"; do
    kill -0 "$service_pid" 2>/dev/null || { echo "$module exited; its log:" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$((($(date +%s%N) - started) / 1000000))
  start_cost="$(start_cost "$service_pid")"
  quarkus_s="$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$log" | head -1)"
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://localhost:$port$path")"
  [[ "$status" == 200 ]] || { echo "$module: GET $path answered $status" >&2; exit 1; }
  wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $token" "http://localhost:$port$path" >/dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" "http://localhost:$port$path" \
    >"$work/$module.wrk"
  rps="$(awk '/^Requests\/sec/ { print $2 }' "$work/$module.wrk")"
  p50="$(awk '$1 == "50%" { print $2 }' "$work/$module.wrk")"
  rss="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status")"
  hwm="$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status")"
  report "$(printf '%-20s %8.2f %10s %10s %10s %10s %10s' "$module" "$(echo "$ready_ms / 1000" | bc -l)" \
    "${quarkus_s:--}" "$rps" "$p50" "$rss" "$hwm")"
  report "$(printf '%-20s at ready: %s' "$module" "$start_cost")"
  if [[ -n "$memory" ]]; then
    while read -r line; do report "$(printf '%-20s memory: %s' "$module" "$line")"; done < <(memory_detail "$service_pid")
  fi
  kill -TERM "$service_pid"
  wait "$service_pid" 2>/dev/null || true
  service_pid=""
done
report "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
