#!/usr/bin/env bash
# The gateway alone in front of a static upstream (nginx answering every path with the same JSON body), under wrk load,
# profiled with JDK Flight Recorder: CPU time and bytes allocated per request, garbage collections per 1,000 requests,
# and where the CPU samples fall. The gateway runs with the JVM options the launcher gives it (or --jvm "…").
# Per-request CPU and allocation hardly depend on how busy the machine is, so this is the figure to compare between
# versions of the gateway while others build; throughput and latency from here are not kept (see bench/README.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

READ=public ; CONNECTIONS=8 ; WARMUP=15 ; DURATION=30 ; PORT=7380 ; TOP=25 ; OUT="" ; JVM_OPTS="" ; BODY_KB=""
usage() {
  cat <<EOF
Usage: bench/gateway-profile.sh [options]
  --read public|token   catalogue search anonymously (default) or a municipality read with a bearer token
  --connections N       wrk connections (default $CONNECTIONS; 2 threads)
  --warmup S            load before the recording (default $WARMUP)
  --duration S          recorded load (default $DURATION)
  --jvm "OPTS"          the gateway's JVM options (default: the launcher's, from deploy/local's SmallJvm)
  --body-kb K           size of the upstream's answer in KB, rounded to whole items of ~0.7 KB (default: 20
                        items, ~15 KB, a catalogue page; a municipality read's answer is ~1 KB)
  --port P              gateway port (default $PORT; the upstream takes P+1)
  --top N               frames listed (default $TOP)
  --out DIR             keep the recording, logs and tables there (default: a temporary directory, deleted)
Needs java (with jcmd, jfr), wrk, nginx, jq, openssl; as root the missing Debian packages are installed.
EOF
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --read) READ="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --jvm) JVM_OPTS="$2"; shift 2 ;;
    --body-kb) BODY_KB="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --top) TOP="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "$READ" == public || "$READ" == token ]] || bench_die "--read public|token"
for tool in java:default-jdk-headless jcmd:default-jdk-headless jfr:default-jdk-headless wrk:wrk nginx:nginx-light \
    jq:jq openssl:openssl; do
  bench_need "${tool%%:*}" "${tool#*:}"
done
JAR="$BENCH_ROOT/gateway/target/quarkus-app/quarkus-run.jar"
[[ -f "$JAR" ]] || bench_die "not built: ./mvnw -B -ntp package -pl gateway -DskipTests"
UPSTREAM_PORT=$((PORT + 1))
for p in "$PORT" "$UPSTREAM_PORT"; do bench_listening "$p" && bench_die "port $p is taken (--port)"; done

KEEP=0
if [[ -n "$OUT" ]]; then KEEP=1; mkdir -p "$OUT"; DIR="$(cd "$OUT" && pwd)"; else DIR="$(mktemp -d /tmp/gateway-profile.XXXXXX)"; fi
chmod 755 "$DIR" # nginx's worker runs as nobody and reads the body from here
GATEWAY_PID="" ; NGINX_PID=""
cleanup() {
  [[ -n "$GATEWAY_PID" ]] && kill "$GATEWAY_PID" 2>/dev/null && wait "$GATEWAY_PID" 2>/dev/null || true
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
  [[ "$KEEP" == 1 ]] || rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ the static upstream: one body for every path
mkdir -p "$DIR/www" "$DIR/nginx"
# about the size of a catalogue search answer (20 hits and facets), or --body-kb
item() { # n
  printf '{"slug":"app-%02d","name":"Bürgerportal %02d","summary":"%s","vendor":"Demo Software GmbH","categories":["Bürgerservice","Portal"],"plans":[{"name":"Basis","price":"0.00"},{"name":"Premium","price":"49.00"}]}' \
    "$1" "$1" "$(printf 'Ein Portal für Bürgerinnen und Bürger, Anträge und Termine online. %.0s' $(seq 1 8))"
}
ITEMS=20
if [[ -n "$BODY_KB" ]]; then
  [[ "$BODY_KB" =~ ^[0-9]+$ ]] || bench_die "--body-kb: a whole number of KB"
  item_bytes="$(item 1 | wc -c)"
  ITEMS=$(( (BODY_KB * 1024 + item_bytes / 2) / item_bytes )); (( ITEMS >= 1 )) || ITEMS=1
fi
{ printf '{"items":['; for i in $(seq 1 "$ITEMS"); do
    [[ $i -gt 1 ]] && printf ','
    item "$i"
  done; printf '],"facets":{"category":{"Bürgerservice":%d,"Portal":%d}},"total":%d}' "$ITEMS" "$ITEMS" "$ITEMS"; } > "$DIR/www/body.json"
BODY_BYTES="$(wc -c < "$DIR/www/body.json")"
cat > "$DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx/error.log warn;
daemon on;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx; proxy_temp_path $DIR/nginx; fastcgi_temp_path $DIR/nginx;
  uwsgi_temp_path $DIR/nginx; scgi_temp_path $DIR/nginx;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location / { default_type application/json; root $DIR/www; try_files /body.json =404; }
  }
}
EOF
nginx -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log"
NGINX_PID="$(cat "$DIR/nginx.pid")"
UPSTREAM="http://127.0.0.1:$UPSTREAM_PORT"

# ------------------------------------------------------------------ a token the gateway accepts without Keycloak
# The gateway trusts a public key instead of Keycloak's keys (as in its tests); the token is a real RS256 JWT.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$DIR/key.pem" 2>/dev/null
PUBLIC_KEY="$(openssl pkey -in "$DIR/key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')"
ISSUER="http://localhost:8180/realms/govtech"
now=$(date +%s)
header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
payload="$(printf '{"iss":"%s","aud":"govtech-services","sub":"bench-user","azp":"govtech-cli","iat":%d,"exp":%d,"realm_access":{"roles":["municipality-admin"]},"municipality_id":"f4ec1f01-9f1c-3d34-ba99-332841cb7bcd"}' \
  "$ISSUER" "$now" $((now + 3600)) | b64url)"
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$DIR/key.pem" | b64url)"
TOKEN="$header.$payload.$signature"

if [[ "$READ" == public ]]; then
  PATH_READ="/api/v1/marketplace/catalogue/apps?q=B%C3%BCrgerportal" ; export TOKEN=""
else
  PATH_READ="/api/v1/membership/municipalities/f4ec1f01-9f1c-3d34-ba99-332841cb7bcd" ; export TOKEN
fi

# ------------------------------------------------------------------ the gateway, as the launcher starts it
if [[ -z "$JVM_OPTS" ]]; then
  # SmallJvm's options for the gateway, printed by the launcher jar (no stack is started)
  LAUNCHER="$BENCH_ROOT/deploy/local/target/govtech-stack.jar"
  [[ -f "$LAUNCHER" ]] || bench_die "the launcher is not built (deploy/local): give --jvm \"…\""
  JVM_OPTS="$(java -cp "$LAUNCHER" de.govtech.deploy.local.SmallJvm gateway)" \
    || bench_die "the launcher in deploy/local/target is older than SmallJvm's option printer: rebuild deploy/local, or give --jvm"
fi
bench_log "gateway JVM options: $JVM_OPTS"
# shellcheck disable=SC2086
env MALLOC_ARENA_MAX=2 QUARKUS_HTTP_PORT="$PORT" \
  GATEWAY_UPSTREAM_MEMBERSHIP="$UPSTREAM" GATEWAY_UPSTREAM_LEARNING="$UPSTREAM" \
  GATEWAY_UPSTREAM_SOLUTIONS="$UPSTREAM" GATEWAY_UPSTREAM_MARKETPLACE="$UPSTREAM" \
  GOVTECH_GATEWAY_ROUTES_MARKETPLACE_RATE_LIMIT_REQUESTS=1000000000 \
  GOVTECH_GATEWAY_ROUTES_MEMBERSHIP_RATE_LIMIT_REQUESTS=1000000000 \
  java $JVM_OPTS -XX:FlightRecorderOptions:stackdepth=256 \
    -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$PUBLIC_KEY" -Dquarkus.oidc.token.issuer="$ISSUER" \
    -jar "$JAR" > "$DIR/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break
  kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -20 "$DIR/gateway.log" >&2; bench_die "the gateway exited"; }
  sleep 0.2
done
status="$(curl -s -o /dev/null -w '%{http_code}' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "http://127.0.0.1:$PORT$PATH_READ")"
[[ "$status" == 200 ]] || { tail -20 "$DIR/gateway.log" >&2; bench_die "the $READ read answered $status through the gateway"; }

WRK=(wrk -t2 -c"$CONNECTIONS" -s "$BENCH_ROOT/bench/wrk-report.lua" "http://127.0.0.1:$PORT$PATH_READ")
bench_log "$(bench_machine)"
bench_log "warm-up ${WARMUP}s ($READ read, $CONNECTIONS connections)"
"${WRK[@]}" -d"${WARMUP}s" > "$DIR/wrk-warmup.txt"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"; }
TICKS_PER_SECOND="$(getconf CLK_TCK)"
# System calls of the gateway during the recorded run (kernel tracepoints through perf, where the kernel lets us):
# the socket and polling calls per request hardly move with the machine's load, like the allocation. The total also
# holds the JVM's own threads (JFR's sampler, GC, JIT), which call per second rather than per request.
IO_CALLS="read write readv writev recvfrom sendto recvmsg sendmsg epoll_wait epoll_pwait epoll_pwait2 epoll_ctl"
SYSCALLS="raw_syscalls:sys_enter$(printf ',syscalls:sys_enter_%s' $IO_CALLS futex)"
PERF_PID=""
jcmd "$GATEWAY_PID" JFR.start name=profile settings=profile filename="$DIR/gateway.jfr" > /dev/null
if command -v perf >/dev/null && perf stat -e raw_syscalls:sys_enter -- true >/dev/null 2>&1; then
  perf stat -x, -e "$SYSCALLS" -p "$GATEWAY_PID" -o "$DIR/syscalls.csv" &
  PERF_PID=$!
fi
ticks_before="$(cpu_ticks)"
bench_log "recording ${DURATION}s"
"${WRK[@]}" -d"${DURATION}s" > "$DIR/wrk.txt"
ticks_after="$(cpu_ticks)"
[[ -n "$PERF_PID" ]] && { kill -INT "$PERF_PID" 2>/dev/null; wait "$PERF_PID" 2>/dev/null || true; }
jcmd "$GATEWAY_PID" JFR.stop name=profile > /dev/null

RESULT="$(grep '^WRK' "$DIR/wrk.txt" || true)"
[[ -n "$RESULT" ]] || { cat "$DIR/wrk.txt" >&2; bench_die "wrk printed no result"; }
requests="$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) {sub("requests=", "", $i); print $i}}' <<<"$RESULT")"
errors="$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /errors=/) {split($i, kv, "="); s += kv[2]}} END {print s + 0}' <<<"$RESULT")"

# ------------------------------------------------------------------ what the recording says
echo
echo "gateway profile: $READ read, $CONNECTIONS connections, ${DURATION}s recorded after ${WARMUP}s warm-up, upstream body $BODY_BYTES bytes"
echo "JVM: $JVM_OPTS"
echo "$(bench_machine)"
echo "wrk: $RESULT"
awk -v t=$((ticks_after - ticks_before)) -v hz="$TICKS_PER_SECOND" -v r="$requests" -v e="$errors" 'BEGIN {
  printf "requests            %d (errors %d)\n", r, e
  printf "CPU per request     %.3f ms (user + system of the gateway process, /proc)\n", t * 1000 / hz / r
}'
if [[ -s "$DIR/syscalls.csv" ]]; then
  # perf's CSV: count,unit,event,…
  awk -F, -v r="$requests" -v io=" $IO_CALLS " '$3 ~ /sys_enter/ && $1 ~ /^[0-9]+$/ {n = $3; sub(/^(raw_)?syscalls:sys_enter_?/, "", n);
    if (n == "") all = $1; else if (n == "futex") futex = $1; else if (index(io, " " n " ")) { sum += $1
      if ($1 > 0) parts = parts sprintf("%s%s %.2f", parts == "" ? "" : ", ", n, $1 / r) } }
    END {printf "socket+poll calls   %.2f per request (%s; perf)\n", sum / r, parts
         printf "all system calls    %.2f per request (futex %.2f; with the JVM threads that call per second)\n", all / r, futex / r}' "$DIR/syscalls.csv"
else
  echo "socket+poll calls   (no perf with kernel tracepoints here: apt-get install linux-perf; root or perf_event_paranoid ≤ 1)"
fi
java "$BENCH_ROOT/bench/JfrPerRequest.java" "$DIR/gateway.jfr" "$requests" "$TOP"
if [[ "$KEEP" == 1 ]]; then echo; echo "recording and logs: $DIR"; fi
