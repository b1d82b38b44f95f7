#!/usr/bin/env bash
# The same reads through the gateway and straight to the service, in one run on loopback, with wrk: throughput,
# latency percentiles, the ratio gateway ÷ direct, the latency the gateway adds and the CPU time per request of the
# gateway and the service. Direct and gateway alternate in several rounds; the median of the rounds is reported.
# Two phases per read: at saturation (closed loop, as many requests as the connections carry: the throughput ratio)
# and at a fixed rate well below saturation (--rate, wrk paced by a Lua delay(): the latency the gateway adds when
# nothing queues — at saturation the added p50 is mostly queueing and only restates the throughput ratio).
#
#   bench/gateway-vs-direct.sh                         # builds, starts its own stack, measures, stops it
#   bench/gateway-vs-direct.sh --no-build --duration 3 --rounds 1 --warmup 2    # a quick check of the script
#   bench/gateway-vs-direct.sh --base-port-offset 0    # a stack that is already running (./stack.sh)
#   bench/gateway-vs-direct.sh --reference-proxy nginx # also through nginx as a plain reverse proxy: the floor
#   bench/gateway-vs-direct.sh --help
#
# Exits non-zero when any answer was not 2xx or a connection failed. See bench/README.md and docs/PERFORMANCE.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/gateway-vs-direct.sh [options]

Where the stack is (pick one; default: start an own one):
  --base-port-offset N   use a running stack whose ports are the usual ones + N (./stack.sh --port-offset N); its
                         gateway must have been started with the rate limits lifted (see bench/README.md)
  --gateway-url U --membership-url U --marketplace-url U --keycloak-url U
                         use a running stack at these base URLs (e.g. http://localhost:8080, Keycloak http://localhost:8180)
  --port-offset N        own stack: start it with this port offset (default: the first of 3500, 4500, … 12500 whose
                         ports are free: all ports stay below 32768, the ephemeral range, which outgoing connections use)
  --no-build             own stack: skip `mvn -B -o install -DskipTests` of the modules it needs
  --keep-data            own stack: keep its temporary data dir (logs) instead of deleting it
  --stack-timeout S      own stack: seconds each component may take to become ready (the launcher's --timeout,
                         default 300; the applications are copied first, so a parallel rebuild cannot pull jars away)

Load (wrk, closed loop, HTTP/1.1 keep-alive):
  --connections N        concurrent connections (default 16)
  --threads N            wrk threads (default 2)
  --warmup S             warm-up seconds per target before the first round, not measured (default 30)
  --duration S           measured seconds per target and round (default 10)
  --rounds R             direct and gateway take turns R times; the median of the rounds is reported (default 3)
  --reads LIST           catalogue,membership (default both)
  --rate R               then a second phase at a fixed rate of R requests/s in total (default 200, well below
                         saturation: a few requests in flight at most), the same rounds and connections, wrk paced
                         by a Lua delay() on a fixed schedule; its added p50 is the latency the gateway adds. 0 skips it

Data:
  --query Q              catalogue search term (default Bürgerportal)
  --seed N               publish N apps before measuring (default 30 on an own stack, 0 on a running one)
  --broker-url U         broker URL of the seeded apps (default the stack's sample broker, 8090 + offset)
  --municipality ID      municipality read with the token (default Heilbronn f4ec1f01-9f1c-3d34-ba99-332841cb7bcd)
  --user NAME            Keycloak user for the token, password = NAME (default dev-heilbronn-admin)

Reference proxy (what any proxy's extra hop costs on this machine):
  --reference-proxy nginx
                         also measure the same reads through nginx as a plain reverse proxy in front of the same
                         services (keep-alive upstream connections, streaming both ways without buffering to disk,
                         access log off, one worker per CPU), in the same rounds: direct, gateway, nginx. Its ratio
                         is the floor the gateway's ratio is judged against. nginx is installed with apt-get as root
                         (else: sudo apt-get install nginx-light)
  --reference-port P     nginx's port (default 8070 + the stack's port offset)
USAGE
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="$ROOT/bench"

offset="" ; own_offset="" ; broker_url="" ; gateway_url="" ; membership_url="" ; marketplace_url="" ; keycloak_url=""
build=1 ; keep_data=0 ; stack_timeout="" ; connections=16 ; threads=2 ; warmup=30 ; duration=10 ; rounds=3 ; rate=200
reads="catalogue,membership" ; query="Bürgerportal" ; seed="" ; municipality="f4ec1f01-9f1c-3d34-ba99-332841cb7bcd"
user="dev-heilbronn-admin" ; reference="" ; reference_port=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-port-offset) offset="$2"; shift 2 ;;
    --gateway-url) gateway_url="$2"; shift 2 ;;
    --membership-url) membership_url="$2"; shift 2 ;;
    --marketplace-url) marketplace_url="$2"; shift 2 ;;
    --keycloak-url) keycloak_url="$2"; shift 2 ;;
    --broker-url) broker_url="$2"; shift 2 ;;
    --port-offset) own_offset="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep-data) keep_data=1; shift ;;
    --stack-timeout) stack_timeout="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --reads) reads="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --query) query="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --municipality) municipality="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --reference-proxy) reference="$2"; shift 2 ;;
    --reference-port) reference_port="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

source "$BENCH_DIR/lib.sh" # own stack (snapshot, start, stop on exit), tool installation
log() { bench_log "$@"; }

for tool in java curl ss; do command -v "$tool" >/dev/null || bench_die "needs $tool on the PATH"; done
bench_need jq jq
bench_need wrk wrk
case "$reference" in
  "") ;;
  nginx) bench_need nginx nginx-light ;;
  *) bench_die "--reference-proxy: only nginx" ;;
esac

if [[ -z "$offset" && -z "$gateway_url" ]]; then
  if [[ "$build" == 1 ]]; then
    log "building the modules the stack needs (mvn -B -o -q install -DskipTests)"
    (cd "$ROOT" && mvn -B -o -q install -DskipTests \
        -pl membership-service,marketplace-service,gateway,deploy/keycloak,deploy/sample-broker,deploy/local -am)
  fi
  BENCH_KEEP_DATA="$keep_data"
  # the launcher hands the lifted rate limits (lib.sh) to the gateway: the load would otherwise be answered 429
  bench_start_stack "$own_offset" membership,marketplace,gateway "${stack_timeout:-300}"
  offset="$BENCH_OFFSET"
  [[ -n "$seed" ]] || seed=30
fi
[[ -n "$seed" ]] || seed=0
offset="${offset:-0}"
gateway_url="${gateway_url:-http://localhost:$((8080 + offset))}"
membership_url="${membership_url:-http://localhost:$((8081 + offset))}"
marketplace_url="${marketplace_url:-http://localhost:$((8084 + offset))}"
keycloak_url="${keycloak_url:-http://localhost:$((8180 + offset))}"
broker_url="${broker_url:-http://localhost:$((8090 + offset))}" # the sample broker: the seeded listings name it

# ---------------------------------------------------------------- tokens and data
token_of() { # user (password = user name, dev realm)
  curl -sf -d grant_type=password -d client_id=govtech-cli -d "username=$1" -d "password=$1" \
    "$keycloak_url/realms/govtech/protocol/openid-connect/token" | jq -r .access_token
}

claim() { # token claim
  local payload; payload="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#payload} % 4 )); do payload="$payload="; done
  base64 -d <<<"$payload" | jq -r ".$2"
}

call() { # method url token [body] -> sets status and call_body
  local out; out="$(mktemp)"
  status="$(curl -s -o "$out" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
    ${4:+--data-binary "$4"} "$2")"
  call_body="$(cat "$out")"; rm -f "$out"
}

seed_catalogue() {
  local n="$1" api="$marketplace_url/api/v1/marketplace"
  local vendor admin vendor_id status run
  vendor="$(token_of dev-vendor)"; admin="$(token_of dev-platform-admin)"
  vendor_id="$(claim "$vendor" vendor_id)"
  call POST "$api/vendors" "$vendor" '{"name":"Bench Software GmbH","legalForm":"GmbH",
    "address":{"street":"Marktplatz 1","postalCode":"74072","city":"Heilbronn","country":"DE"},
    "contactEmail":"bench@bench.example","vatId":"DE987654321"}'
  [[ "$status" == 201 || "$status" == 409 ]] || { echo "registering the vendor: $status $call_body" >&2; exit 1; }
  call POST "$api/vendors/$vendor_id/verify" "$admin"
  [[ "$status" == 200 || "$status" == 409 ]] || { echo "verifying the vendor: $status $call_body" >&2; exit 1; }
  run="$(date +%s)"
  local words=(Termin Kalender Antrag Gewerbe Meldewesen Kita Bauantrag Parken Abfall Hund)
  log "publishing $n apps (slugs bench-$run-*)"
  for i in $(seq 1 "$n"); do
    local w="${words[$((i % ${#words[@]}))]}" id body
    body="$(jq -n --arg broker "$broker_url" --arg slug "bench-$run-$i" --arg name "Bürgerportal $w $i" --arg w "$w" '{
      slug: $slug,
      content: {
        name: $name, summary: ("Online-Anträge für Bürgerinnen und Bürger: " + $w),
        description: ("Ein Bürgerportal für Online-Anträge nach OZG mit " + $w + ", Terminvergabe und Bezahlung."),
        category: "CITIZEN_SERVICES", tags: ["OZG", "BundID", $w],
        plans: [{name: "Basis", description: "Drei Verfahren", priceModel: "FREE", price: 0},
                {name: "Standard", description: "Alle Verfahren", priceModel: "MONTHLY_FLAT", price: 49.00}],
        compliance: {hostedInGermany: true, bsiC5: true, gdprDpaAvailable: true, bitvAccessible: false,
                     openSourceLicence: "EUPL-1.2"},
        cloudTargets: ["stackit:eu01"],
        documentationUrl: "https://docs.bench.example/app", supportUrl: "https://support.bench.example"},
      broker: {url: $broker, username: "broker", password: "broker-secret"}}')"
    call POST "$api/listings" "$vendor" "$body"
    [[ "$status" == 201 ]] || { echo "creating listing $i: $status $call_body" >&2; exit 1; }
    id="$(jq -r .id <<<"$call_body")"
    call POST "$api/listings/$id/submit" "$vendor"
    [[ "$status" == 200 ]] || { echo "submitting listing $i: $status $call_body" >&2; exit 1; }
    call POST "$api/listings/$id/publish" "$admin"
    [[ "$status" == 200 ]] || { echo "publishing listing $i: $status $call_body" >&2; exit 1; }
  done
}

# GET once, print "status ratelimit-limit bytes" (for the checks before the load)
probe() { # url [token]
  local headers; headers="$(mktemp)"
  local out
  out="$(curl -s -o /dev/null -D "$headers" -w '%{http_code} %{size_download}' \
    ${2:+-H "Authorization: Bearer $2"} "$1")"
  local limit; limit="$(grep -i '^ratelimit-limit:' "$headers" | tr -dc '0-9' || true)"
  rm -f "$headers"
  set -- $out
  echo "$1 ${limit:-none} $2"
}

check_pair() { # name direct-url gateway-url [token]: both 200, gateway rate limit high enough
  local d_status d_bytes g_status g_limit g_bytes
  read -r d_status _ d_bytes < <(probe "$2" "${4:-}")
  read -r g_status g_limit g_bytes < <(probe "$3" "${4:-}")
  log "$1: direct $d_status ($d_bytes bytes), gateway $g_status ($g_bytes bytes, RateLimit-Limit $g_limit)"
  [[ "$d_status" == 200 && "$g_status" == 200 ]] || { echo "$1: expected 200 from both" >&2; exit 1; }
  [[ "$d_bytes" == "$g_bytes" ]] || { echo "$1: the bodies differ in size ($d_bytes vs $g_bytes bytes)" >&2; exit 1; }
  if [[ "$g_limit" != none ]] && (( g_limit < 10000000 )); then
    echo "$1: the gateway allows only $g_limit requests per period and caller; the load would be answered 429." >&2
    echo "Start the gateway with GOVTECH_GATEWAY_ROUTES_<ROUTE>_RATE_LIMIT_REQUESTS=1000000000 (the launcher passes" >&2
    echo "its environment on), or let this script start its own stack." >&2
    exit 1
  fi
}

machine() {
  log "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
$(free -g | awk '/Mem:/ {print $2 " GB RAM"}'), load average $(cut -d' ' -f1-3 /proc/loadavg), \
$(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
}

pid_of() { # url -> pid of the local process listening on its port (empty if not local or not visible)
  local port; port="$(sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#' <<<"$1")"
  [[ "$port" =~ ^[0-9]+$ ]] || return 0
  ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

cpu_ticks() { # pid… -> their user + system CPU time in clock ticks, summed (0 when unknown)
  local pid total=0 t
  for pid in "$@"; do
    [[ -n "$pid" && -r "/proc/$pid/stat" ]] || continue
    # fields 14 and 15 after the command name, which may contain spaces: cut at the last ')'
    t="$(sed -E 's/^.*\) //' "/proc/$pid/stat" | awk '{print $12 + $13}')"
    total=$((total + t))
  done
  echo "$total"
}

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

field() { sed -E "s/(^|.* )$1=([^ ]+).*/\2/" <<<"$2"; } # name, result line

HZ="$(getconf CLK_TCK)"
results="$(mktemp)" ; paced_lua="$(mktemp --suffix=.lua)"
targets="direct gateway" ; reference_dir="" ; reference_pid="" ; reference_pids="" ; reference_url=""
trap 'rm -f "$results" "$paced_lua"; stop_reference; bench_stop_stack' EXIT

# ---------------------------------------------------------------- the reference proxy (nginx)
# nginx as a plain reverse proxy in front of the same two services: what any proxy's hop costs on this machine.
# - worker_processes = CPUs (one single-threaded event loop per core, nginx's `auto`): the gateway's Vert.x event
#   loops are not pinned either and may run on every core, so the reference gets the same share of the machine;
#   with one worker it could never use more than one core.
# - upstream keep-alive (HTTP/1.1, `Connection` cleared, idle connections kept per worker, never closed after N
#   requests), like the gateway's pooled Vert.x client; the callers' connections are not closed after N requests either.
# - no buffering: request and answer are passed on as they arrive (proxy_request_buffering / proxy_buffering off,
#   so nothing ever goes to a temporary file), as the gateway streams them, through a 16 KB buffer (most of a
#   catalogue answer in one read; the default is one page, 4 KB); access log off, as the gateway's.
# - X-Forwarded-For/Proto/Host set as the gateway sets them; no token check, rate limit, request id or metrics: the
#   difference between nginx and the gateway is what those and the JVM proxy path cost.
host_port() { # url -> host:port (localhost as 127.0.0.1: nginx would also try ::1)
  sed -E 's#^[a-z]+://([^/]+).*#\1#; s#^localhost:#127.0.0.1:#' <<<"$1"
}

start_reference() {
  local port="${reference_port:-$((8070 + offset))}" cpus; cpus="$(nproc)"
  bench_listening "$port" && bench_die "--reference-port: port $port is taken"
  reference_dir="$(mktemp -d /tmp/gateway-vs-direct-nginx.XXXXXX)"
  cat > "$reference_dir/nginx.conf" <<NGINX
worker_processes $cpus;
pid $reference_dir/nginx.pid;
error_log $reference_dir/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $reference_dir; proxy_temp_path $reference_dir; fastcgi_temp_path $reference_dir;
  uwsgi_temp_path $reference_dir; scgi_temp_path $reference_dir;
  keepalive_requests 1000000;
  upstream marketplace { server $(host_port "$marketplace_url"); keepalive 32; keepalive_requests 1000000; }
  upstream membership { server $(host_port "$membership_url"); keepalive 32; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$port;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_set_header X-Forwarded-Host \$http_host;
    proxy_buffering off;
    proxy_request_buffering off;
    proxy_buffer_size 16k;
    proxy_buffers 4 16k;
    location /api/v1/marketplace/ { proxy_pass http://marketplace; }
    location /api/v1/membership/ { proxy_pass http://membership; }
  }
}
NGINX
  nginx -t -q -c "$reference_dir/nginx.conf" -e "$reference_dir/error.log" \
    || { cat "$reference_dir/error.log" >&2; bench_die "nginx does not accept its configuration"; }
  nginx -c "$reference_dir/nginx.conf" -e "$reference_dir/error.log" &
  reference_pid=$!
  for _ in $(seq 1 50); do bench_listening "$port" && break; sleep 0.1; done
  bench_listening "$port" || { cat "$reference_dir/error.log" >&2; bench_die "nginx did not start on port $port"; }
  # the master only starts and watches the workers; the proxying is the workers' CPU (counted with the master's)
  for _ in $(seq 1 50); do
    reference_pids="$reference_pid $(pgrep -P "$reference_pid" | tr '\n' ' ')"
    (( $(wc -w <<<"$reference_pids") > cpus )) && break
    sleep 0.1
  done
  reference_url="http://127.0.0.1:$port"
  targets="direct gateway nginx"
  log "reference proxy: nginx $(nginx -v 2>&1 | sed 's#.*/##'), $cpus worker(s), $reference_url (pids $reference_pids)"
}

stop_reference() {
  if [[ -n "$reference_pid" ]] && kill -0 "$reference_pid" 2>/dev/null; then
    kill -QUIT "$reference_pid" 2>/dev/null || true # graceful: the master ends its workers
    for _ in $(seq 1 50); do kill -0 "$reference_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$reference_pid" 2>/dev/null && kill -TERM "$reference_pid" 2>/dev/null || true
  fi
  reference_pid=""
  [[ -n "$reference_dir" ]] && rm -rf "$reference_dir"
  reference_dir=""
}

[[ "$rate" =~ ^[0-9]+$ ]] || bench_die "--rate: a whole number of requests per second (0: no fixed-rate phase)"
# The fixed-rate phase: wrk-report.lua (token, result line) plus delay(), which wrk asks before each request of a
# connection. Each wrk thread sends on its own fixed schedule (rate ÷ threads per second, the threads' schedules
# offset), a free connection takes the next slot; a slot no connection is free for is dropped, not caught up with a
# burst (the result line's rps shows the rate reached). wrk starts a request's clock when it writes it, after the
# delay, so the latency is the answer's alone. Clock: CLOCK_MONOTONIC through LuaJIT's ffi (Lua's os.time() counts
# whole seconds).
cat > "$paced_lua" <<'LUA'
dofile(os.getenv("BENCH_DIR") .. "/wrk-report.lua")
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local now_ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_ts)
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local threads_started = 0
function setup(thread) -- main state: number the threads so that their schedules interleave
  thread:set("thread_number", threads_started)
  threads_started = threads_started + 1
end

local rate = tonumber(os.getenv("RATE"))          -- requests per second, all threads together
local threads = tonumber(os.getenv("RATE_THREADS"))
local interval = threads * 1000 / rate              -- ms between two requests of this thread
local next_slot = nil

function delay()
  local now = now_ms()
  if next_slot == nil then
    next_slot = now + (thread_number or 0) * 1000 / rate
  else
    next_slot = math.max(next_slot + interval, now)
  end
  return math.floor(next_slot - now + 0.5)
end
LUA
export BENCH_DIR RATE_THREADS="$threads"

# One wrk run: prints its WRK line extended by the CPU time per request of the gateway, the service process and
# (with --reference-proxy) nginx's master and workers
run_wrk() { # seconds token url gateway-pid service-pid [rate]
  local gw0 svc0 ng0 out gw1 svc1 ng1 n script="$BENCH_DIR/wrk-report.lua"
  [[ -n "${6:-}" ]] && script="$paced_lua"
  # shellcheck disable=SC2086 # reference_pids: a list
  gw0="$(cpu_ticks "$4")"; svc0="$(cpu_ticks "$5")"; ng0="$(cpu_ticks $reference_pids)"
  out="$(TOKEN="$2" RATE="${6:-}" wrk -t "$threads" -c "$connections" -d "${1}s" -s "$script" "$3" \
    | grep '^WRK ')" || { echo "wrk failed against $3" >&2; return 1; }
  # shellcheck disable=SC2086
  gw1="$(cpu_ticks "$4")"; svc1="$(cpu_ticks "$5")"; ng1="$(cpu_ticks $reference_pids)"
  n="$(field requests "$out")"
  awk -v l="$out" -v g=$((gw1 - gw0)) -v s=$((svc1 - svc0)) -v x=$((ng1 - ng0)) -v ref="$reference" -v n="$n" -v hz="$HZ" \
    'BEGIN {n = n > 0 ? n : 1; printf "%s cpu_ms_per_req_gateway=%.3f cpu_ms_per_req_service=%.3f", l, g * 1000 / hz / n, s * 1000 / hz / n
      if (ref != "") printf " cpu_ms_per_req_nginx=%.3f", x * 1000 / hz / n
      printf "\n"}'
}

# Warm-up of every target, then R rounds (direct, gateway[, nginx], direct, …) at saturation, then R rounds at the
# fixed rate; every round is one RESULT line, its load named (load=saturated or load=rate<R>)
measure() { # read-name token-user(or empty) direct-url gateway-url [nginx-url]
  local name="$1" user_="$2" direct="$3" gateway="$4" via_nginx="${5:-}" token="" gw svc line load pace target
  gw="$(pid_of "$gateway")"; svc="$(pid_of "$direct")"
  [[ -n "$gw" ]] || log "$name: the gateway's process is not visible here: no CPU figures for it"
  fresh_token() { [[ -z "$user_" ]] && token="" || token="$(token_of "$user_")"; }
  target_url() { case "$1" in direct) echo "$direct" ;; gateway) echo "$gateway" ;; nginx) echo "$via_nginx" ;; esac; }
  fresh_token
  log "$name: warm-up ${warmup}s each (${targets// /, }), $connections connections"
  for target in $targets; do
    run_wrk "$warmup" "$token" "$(target_url "$target")" "$gw" "$svc" >/dev/null
  done
  for load in saturated "rate$rate"; do
    pace=""
    if [[ "$load" != saturated ]]; then
      (( rate > 0 )) || continue
      pace="$rate"
      log "$name: fixed rate of $rate requests/s, $rounds round(s) of ${duration}s per target"
    fi
    for round in $(seq 1 "$rounds"); do
      for target in $targets; do
        fresh_token # Keycloak's tokens live 15 minutes
        line="$(run_wrk "$duration" "$token" "$(target_url "$target")" "$gw" "$svc" "$pace")"
        echo "$name load=$load round=$round target=$target ${line#WRK }" | tee -a "$results"
      done
    done
  done
}

medians() { # read-name load -> sets med[target.metric], the median of the rounds
  local t m metrics="rps p50_ms p90_ms p99_ms cpu_ms_per_req_gateway cpu_ms_per_req_service"
  [[ -n "$reference" ]] && metrics="$metrics cpu_ms_per_req_nginx"
  for t in $targets; do
    for m in $metrics; do
      med[$t.$m]="$(grep "^$1 load=$2 .*target=$t " "$results" | while read -r l; do field "$m" "$l"; done | median)"
    done
  done
}

summarise() { # read-name: the saturated phase
  declare -A med; medians "$1" saturated
  awk -v n="$1" -v dr="${med[direct.rps]}" -v gr="${med[gateway.rps]}" \
      -v d50="${med[direct.p50_ms]}" -v d90="${med[direct.p90_ms]}" -v d99="${med[direct.p99_ms]}" \
      -v g50="${med[gateway.p50_ms]}" -v g90="${med[gateway.p90_ms]}" -v g99="${med[gateway.p99_ms]}" \
      -v gc="${med[gateway.cpu_ms_per_req_gateway]}" -v sc="${med[direct.cpu_ms_per_req_service]}" \
      -v sgc="${med[gateway.cpu_ms_per_req_service]}" 'BEGIN {
    printf "| %s | %.1f · %.2f/%.2f/%.2f | %.1f · %.2f/%.2f/%.2f | %.2f | %+.2f/%+.2f/%+.2f ms | %.3f | %.3f / %.3f |\n",
      n, dr, d50, d90, d99, gr, g50, g90, g99, (dr > 0 ? gr / dr : 0), g50 - d50, g90 - d90, g99 - d99, gc, sc, sgc }'
}

summarise_paced() { # read-name [proxy: gateway (default) or nginx]: the fixed-rate phase
  declare -A med; medians "$1" "rate$rate"
  local p="${2:-gateway}"
  awk -v n="$1" -v dr="${med[direct.rps]}" -v gr="${med[$p.rps]}" \
      -v d50="${med[direct.p50_ms]}" -v d90="${med[direct.p90_ms]}" -v d99="${med[direct.p99_ms]}" \
      -v g50="${med[$p.p50_ms]}" -v g90="${med[$p.p90_ms]}" -v g99="${med[$p.p99_ms]}" \
      -v gc="${med[$p.cpu_ms_per_req_$p]}" 'BEGIN {
    printf "| %s | %.1f · %.2f/%.2f/%.2f | %.1f · %.2f/%.2f/%.2f | %+.2f/%+.2f/%+.2f ms | %.3f |\n",
      n, dr, d50, d90, d99, gr, g50, g90, g99, g50 - d50, g90 - d90, g99 - d99, gc }'
}

summarise_reference() { # read-name: nginx, saturated, against direct and against the gateway
  declare -A med; medians "$1" saturated
  awk -v n="$1" -v dr="${med[direct.rps]}" -v gr="${med[gateway.rps]}" -v nr="${med[nginx.rps]}" \
      -v d50="${med[direct.p50_ms]}" -v d90="${med[direct.p90_ms]}" -v d99="${med[direct.p99_ms]}" \
      -v n50="${med[nginx.p50_ms]}" -v n90="${med[nginx.p90_ms]}" -v n99="${med[nginx.p99_ms]}" \
      -v nc="${med[nginx.cpu_ms_per_req_nginx]}" -v gc="${med[gateway.cpu_ms_per_req_gateway]}" \
      -v snc="${med[nginx.cpu_ms_per_req_service]}" 'BEGIN {
    printf "| %s | %.1f · %.2f/%.2f/%.2f | %.2f | %.2f | %+.2f/%+.2f/%+.2f ms | %.3f / %.3f | %.3f |\n",
      n, nr, n50, n90, n99, (dr > 0 ? nr / dr : 0), (nr > 0 ? gr / nr : 0), n50 - d50, n90 - d90, n99 - d99, nc, gc, snc }'
}

verdict() { # read-name: both halves of the target side by side (and nginx's, with --reference-proxy)
  declare -A med; medians "$1" saturated
  local sat_dr="${med[direct.rps]}" sat_gr="${med[gateway.rps]}" sat_d50="${med[direct.p50_ms]}" sat_g50="${med[gateway.p50_ms]}"
  local sat_nr="${med[nginx.rps]:-0}"
  local paced="n/a" paced_nginx="n/a"
  if (( rate > 0 )); then
    medians "$1" "rate$rate"
    paced="$(awk -v d="${med[direct.p50_ms]}" -v g="${med[gateway.p50_ms]}" 'BEGIN {printf "%+.2f ms", g - d}')"
    [[ -n "$reference" ]] && paced_nginx="$(awk -v d="${med[direct.p50_ms]}" -v g="${med[nginx.p50_ms]}" 'BEGIN {printf "%+.2f ms", g - d}')"
  fi
  awk -v n="$1" -v dr="$sat_dr" -v gr="$sat_gr" -v nr="$sat_nr" -v d50="$sat_d50" -v g50="$sat_g50" -v c="$connections" \
      -v p="$paced" -v pn="$paced_nginx" -v ref="$reference" 'BEGIN {
    printf "| %s | %.2f | %+.2f ms | %+.2f ms | %s |", n, (dr > 0 ? gr / dr : 0), g50 - d50,
      (dr > 0 && gr > 0 ? 1000 * c / gr - 1000 * c / dr : 0), p
    if (ref != "") printf " %.2f | %s |", (dr > 0 ? nr / dr : 0), pn
    printf "\n" }'
}

if (( seed > 0 )); then
  seed_catalogue "$seed"
fi

q="$(jq -rn --arg q "$query" '$q|@uri')"
catalogue_path="/api/v1/marketplace/catalogue/apps?q=$q"
membership_path="/api/v1/membership/municipalities/$municipality"

check_reference() { # name direct-url nginx-url [token]: nginx answers 200 with the direct body's size
  local d_status d_bytes n_status n_bytes
  read -r d_status _ d_bytes < <(probe "$2" "${4:-}")
  read -r n_status _ n_bytes < <(probe "$3" "${4:-}")
  log "$1: via nginx $n_status ($n_bytes bytes)"
  [[ "$n_status" == 200 && "$n_bytes" == "$d_bytes" ]] \
    || { echo "$1: expected 200 and $d_bytes bytes through nginx, got $n_status and $n_bytes" >&2; exit 1; }
}

[[ -n "$reference" ]] && start_reference
machine
if [[ ",$reads," == *",catalogue,"* ]]; then
  check_pair catalogue "$marketplace_url$catalogue_path" "$gateway_url$catalogue_path"
  [[ -n "$reference" ]] && check_reference catalogue "$marketplace_url$catalogue_path" "$reference_url$catalogue_path"
  measure catalogue "" "$marketplace_url$catalogue_path" "$gateway_url$catalogue_path" \
    "${reference_url:+$reference_url$catalogue_path}"
fi
if [[ ",$reads," == *",membership,"* ]]; then
  token="$(token_of "$user")"
  [[ -n "$token" && "$token" != null ]] || { echo "no token for $user from $keycloak_url" >&2; exit 1; }
  check_pair membership "$membership_url$membership_path" "$gateway_url$membership_path" "$token"
  [[ -n "$reference" ]] && check_reference membership "$membership_url$membership_path" "$reference_url$membership_path" "$token"
  measure membership "$user" "$membership_url$membership_path" "$gateway_url$membership_path" \
    "${reference_url:+$reference_url$membership_path}"
fi
machine

echo
echo "At saturation — median of $rounds round(s) of ${duration}s, $connections connections, ${warmup}s warm-up per target:"
echo
echo "| read | direct req/s · p50/p90/p99 ms | gateway req/s · p50/p90/p99 ms | ratio | added p50/p90/p99 | CPU ms/req gateway | CPU ms/req service direct / via gateway |"
echo "|---|---|---|---|---|---|---|"
for name in catalogue membership; do
  grep -q "^$name load=saturated " "$results" && summarise "$name"
done
if [[ -n "$reference" ]]; then
  echo
  echo "The reference proxy, nginx ($(nproc) workers, keep-alive upstream, no buffering, no access log), same rounds:"
  echo
  echo "| read | nginx req/s · p50/p90/p99 ms | ratio nginx ÷ direct | ratio gateway ÷ nginx | added p50/p90/p99 via nginx | CPU ms/req nginx / gateway | CPU ms/req service via nginx |"
  echo "|---|---|---|---|---|---|---|"
  for name in catalogue membership; do
    grep -q "^$name load=saturated " "$results" && summarise_reference "$name"
  done
fi
if (( rate > 0 )); then
  echo
  echo "At a fixed rate of $rate requests/s — median of $rounds round(s) of ${duration}s, $connections connections:"
  echo
  echo "| read | direct req/s · p50/p90/p99 ms | gateway req/s · p50/p90/p99 ms | added p50/p90/p99 | CPU ms/req gateway |"
  echo "|---|---|---|---|---|"
  for name in catalogue membership; do
    grep -q "^$name load=rate$rate " "$results" && summarise_paced "$name"
  done
  if [[ -n "$reference" ]]; then
    echo
    echo "| read | direct req/s · p50/p90/p99 ms | nginx req/s · p50/p90/p99 ms | added p50/p90/p99 via nginx | CPU ms/req nginx |"
    echo "|---|---|---|---|---|"
    for name in catalogue membership; do
      grep -q "^$name load=rate$rate " "$results" && summarise_paced "$name" nginx
    done
  fi
  short="$(awk -v r="$rate" '$2 == "load=rate" r {for (i = 1; i <= NF; i++) if ($i ~ /^rps=/) {split($i, kv, "=");
    if (kv[2] < 0.95 * r) printf "%s %s (%s req/s); ", $1, $4, kv[2]}}' "$results")"
  if [[ -n "$short" ]]; then
    echo
    echo "NOTE: below $rate req/s: ${short%; }. That side could not keep up, so its fixed-rate figures are saturated"
    echo "ones too (a busy machine, or a rate too close to saturation: try a lower --rate)."
  fi
fi
echo
echo "The target's two halves: throughput ratio (≥ 0.85) at saturation; added p50 (≤ 1 ms) at the fixed rate. At"
echo "saturation the added p50 is mostly queueing: with $connections connections, p50 ≈ $connections ÷ throughput (Little's law)."
echo
if [[ -n "$reference" ]]; then
  echo "nginx's ratio is the floor: what any proxy's extra hop costs here, with wrk, proxy and service on the same cores."
  echo
  echo "| read | throughput ratio (saturated) | added p50, saturated | $connections ÷ throughput, gateway − direct | added p50 at $rate req/s | nginx: throughput ratio | nginx: added p50 at $rate req/s |"
  echo "|---|---|---|---|---|---|---|"
else
  echo "| read | throughput ratio (saturated) | added p50, saturated | $connections ÷ throughput, gateway − direct | added p50 at $rate req/s |"
  echo "|---|---|---|---|---|"
fi
for name in catalogue membership; do
  grep -q "^$name load=saturated " "$results" && verdict "$name"
done
bad="$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^(status|socket)_errors=/) {split($i, kv, "="); s += kv[2]}} END {print s + 0}' "$results")"
if (( bad > 0 )); then
  echo "FAILED: $bad answers were not 2xx or their connections failed (see the round lines above)" >&2
  exit 1
fi
