# Helpers shared by the stack benchmarks in bench/ (sourced, not run): an own stack on a free port
# offset (snapshot of the built applications, stopped on exit), the URLs and database of a stack, Keycloak tokens and
# users, JSON calls, the membership flow (register, verify, apply, admit) and percentiles.
# Everything is prefixed bench_ / BENCH_. Needs bash, curl, jq, psql, ss (bench_need installs Debian packages as root).

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_OFFSET="" ; BENCH_LAUNCHER_PID="" ; BENCH_DATA_ROOT="" ; BENCH_KEEP_DATA=0 ; BENCH_STACK_DIR=""

bench_log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
bench_die() { echo "$*" >&2; exit 1; }

bench_need() { # command debian-package
  command -v "$1" >/dev/null && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    bench_log "installing $2 (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
  fi
  command -v "$1" >/dev/null || bench_die "needs $1: sudo apt-get install $2"
}

bench_machine() {
  echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
$(free -g | awk '/Mem:/ {print $2 " GB RAM"}'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
}

# ---------------------------------------------------------------- the stack: ports, URLs, own stack

bench_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

bench_stack_ports() { # offset -> the ports the launcher checks
  local o="$1"
  echo $((8080 + o)) $((8081 + o)) $((8082 + o)) $((8083 + o)) $((8084 + o)) $((8090 + o)) $((8180 + o)) \
    $((9180 + o)) $((15432 + o)) $((19092 + o)) $((19093 + o))
}

bench_urls() { # offset: the stack's addresses (the services are called directly: no gateway rate limit in the way)
  BENCH_OFFSET="$1"
  GATEWAY_URL="http://localhost:$((8080 + $1))"
  MEMBERSHIP_URL="http://localhost:$((8081 + $1))"
  MARKETPLACE_URL="http://localhost:$((8084 + $1))"
  BROKER_URL="http://localhost:$((8090 + $1))"
  KEYCLOAK_URL="http://localhost:$((8180 + $1))"
  export PGHOST=localhost PGPORT=$((15432 + $1)) PGUSER=postgres PGPASSWORD=postgres
}

bench_stop_stack() {
  [[ -n "$BENCH_DATA_ROOT" ]] || return 0
  if [[ -n "$BENCH_LAUNCHER_PID" ]] && kill -0 "$BENCH_LAUNCHER_PID" 2>/dev/null; then
    bench_log "stopping the stack (SIGTERM to launcher $BENCH_LAUNCHER_PID)"
    kill -TERM "$BENCH_LAUNCHER_PID" 2>/dev/null || true
    for _ in $(seq 1 90); do kill -0 "$BENCH_LAUNCHER_PID" 2>/dev/null || break; sleep 1; done
  fi
  # the launcher ran in its own process group (setsid): whatever of it is still alive goes with that group (its
  # children's watchdogs notice the launcher's end within a second or two and end by themselves)
  for _ in 1 2 3 4 5; do
    [[ -n "$BENCH_LAUNCHER_PID" ]] && pgrep -g "$BENCH_LAUNCHER_PID" >/dev/null 2>&1 || break
    sleep 1
  done
  if [[ -n "$BENCH_LAUNCHER_PID" ]] && pgrep -g "$BENCH_LAUNCHER_PID" >/dev/null 2>&1; then
    bench_log "processes of the stack still alive: SIGKILL to process group $BENCH_LAUNCHER_PID"
    kill -KILL -- "-$BENCH_LAUNCHER_PID" 2>/dev/null || true
  fi
  # PostgreSQL is detached by pg_ctl (its own session): by its pid file if the launcher could not stop it
  local pidfile="$BENCH_DATA_ROOT/stack/postgres/postmaster.pid" pg
  if [[ -f "$pidfile" ]]; then
    pg="$(head -1 "$pidfile" | tr -d ' ')"
    if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null; then
      kill -TERM "$pg" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 1; done
      kill -0 "$pg" 2>/dev/null && kill -KILL "$pg" 2>/dev/null || true
    fi
  fi
  BENCH_LAUNCHER_PID=""
  if [[ "$BENCH_KEEP_DATA" == 1 ]]; then bench_log "stack data and logs kept in $BENCH_DATA_ROOT"
  else rm -rf "$BENCH_DATA_ROOT"; fi
  BENCH_DATA_ROOT=""
}

# The built applications, Keycloak, the realm, the sample broker and the launcher, copied: a Maven run of someone
# else in the same tree cannot pull a jar from under a running application.
bench_snapshot() { # target-dir modules…
  local snap="$1"; shift
  mkdir -p "$snap/deploy/keycloak/target" "$snap/deploy/keycloak/realm" "$snap/deploy/local/target" \
    "$snap/deploy/sample-broker/target"
  cp "$BENCH_ROOT/stack.sh" "$snap/"
  for module in "$@"; do
    [[ -f "$BENCH_ROOT/$module/target/quarkus-app/quarkus-run.jar" ]] \
      || bench_die "$module is not built (./mvnw -B -q install -DskipTests)"
    mkdir -p "$snap/$module/target"
    cp -a "$BENCH_ROOT/$module/target/quarkus-app" "$snap/$module/target/"
  done
  local kc; kc="$(cd "$BENCH_ROOT/deploy/keycloak/target" && ls -d keycloak-[0-9]* | head -1)"
  [[ -n "$kc" ]] || bench_die "no Keycloak distribution in deploy/keycloak/target (build deploy/keycloak)"
  cp -a "$BENCH_ROOT/deploy/keycloak/target/$kc" "$snap/deploy/keycloak/target/"
  rm -rf "$snap/deploy/keycloak/target/$kc/data" "$snap/deploy/keycloak/target/$kc/.govtech-start.lock"
  cp "$BENCH_ROOT/deploy/keycloak/realm/govtech-realm.json" "$snap/deploy/keycloak/realm/"
  cp -a "$BENCH_ROOT/deploy/local/target/govtech-stack.jar" "$BENCH_ROOT/deploy/local/target/lib" "$snap/deploy/local/target/"
  cp -a "$BENCH_ROOT/deploy/sample-broker/target/sample-broker.jar" "$snap/deploy/sample-broker/target/"
  [[ -d "$BENCH_ROOT/deploy/sample-broker/target/lib" ]] && cp -a "$BENCH_ROOT/deploy/sample-broker/target/lib" "$snap/deploy/sample-broker/target/"
  return 0
}

# Starts `govtech-stack.jar up --wipe` with the given services on the first free offset of 3500, 4500, … 12500
# (below the ephemeral range) or on $1 when given; sets the URLs; stops it on exit, failure or Ctrl-C.
bench_start_stack() { # offset-or-empty services timeout
  local offset="$1" services="$2" timeout="${3:-300}" modules=() s
  local jar="$BENCH_ROOT/deploy/local/target/govtech-stack.jar"
  [[ -f "$jar" ]] || bench_die "not built: $jar (./mvnw -B -q install -DskipTests)"
  if [[ -z "$offset" ]]; then
    for candidate in $(seq 3500 1000 12500); do
      local free=1 p
      for p in $(bench_stack_ports "$candidate"); do bench_listening "$p" && { free=0; break; }; done
      [[ "$free" == 1 ]] && { offset="$candidate"; break; }
    done
    [[ -n "$offset" ]] || bench_die "no free port offset among 3500, 4500, … 12500"
  fi
  for s in ${services//,/ }; do
    case "$s" in gateway) modules+=(gateway) ;; *) modules+=("$s-service") ;; esac
  done
  BENCH_DATA_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/govtech-bench.XXXXXX")"
  BENCH_STACK_DIR="$BENCH_DATA_ROOT/stack"
  trap bench_stop_stack EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  bench_log "copying the built applications and Keycloak to $BENCH_DATA_ROOT/root"
  bench_snapshot "$BENCH_DATA_ROOT/root" "${modules[@]}"
  local root="$BENCH_DATA_ROOT/root"
  # the launcher hands its environment to the gateway: lift its per-caller rate limits for bulk flows through it
  export GOVTECH_GATEWAY_ROUTES_MARKETPLACE_RATE_LIMIT_REQUESTS=1000000000
  export GOVTECH_GATEWAY_ROUTES_MEMBERSHIP_RATE_LIMIT_REQUESTS=1000000000
  bench_log "starting the stack ($services) on port offset $offset, data in $BENCH_STACK_DIR"
  (cd "$root" && exec setsid java -Xmx256m -XX:+UseSerialGC -Dgovtech.stack.root="$root" \
      -jar "$root/deploy/local/target/govtech-stack.jar" up --data-dir "$BENCH_STACK_DIR" --wipe \
      --port-offset "$offset" --services "$services" --timeout "$timeout" \
      </dev/null >"$BENCH_DATA_ROOT/launcher.out" 2>&1) &
  BENCH_LAUNCHER_PID=$!
  local deadline=$((SECONDS + timeout * 3))
  until grep -q "GovTech Kommunal platform is running" "$BENCH_DATA_ROOT/launcher.out" 2>/dev/null \
      && grep -Eq "Press Ctrl-C to stop|Stop with: kill " "$BENCH_DATA_ROOT/launcher.out"; do
    kill -0 "$BENCH_LAUNCHER_PID" 2>/dev/null \
      || { tail -40 "$BENCH_DATA_ROOT/launcher.out" >&2; bench_die "the launcher exited before the stack was up"; }
    (( SECONDS < deadline )) || { tail -40 "$BENCH_DATA_ROOT/launcher.out" >&2; bench_die "the stack was not up in time"; }
    sleep 2
  done
  bench_log "stack is up (launcher pid $BENCH_LAUNCHER_PID)"
  bench_urls "$offset"
}

# The tools a benchmark against the stack needs, then the stack: a running one at the usual ports + offset (its
# membership-service and marketplace-service must answer ready), or, without an offset, an own one (bench_start_stack).
bench_use_stack() { # offset-or-empty own-offset-or-empty services stack-timeout
  local tool
  for tool in java curl ss; do command -v "$tool" >/dev/null || bench_die "needs $tool on the PATH"; done
  bench_need jq jq
  bench_need psql postgresql-client
  if [[ -n "$1" ]]; then
    bench_urls "$1"
    curl -sf "$MEMBERSHIP_URL/q/health/ready" >/dev/null || bench_die "no membership-service ready at $MEMBERSHIP_URL"
    curl -sf "$MARKETPLACE_URL/q/health/ready" >/dev/null || bench_die "no marketplace-service ready at $MARKETPLACE_URL"
  else
    bench_start_stack "$2" "$3" "$4"
  fi
}

# The sample broker's request log of a stack: its data dir's logs/sample-broker.log
bench_broker_log() { # data-dir
  echo "$1/logs/sample-broker.log"
}

# ---------------------------------------------------------------- calls

bench_token() { # user (password = user name, dev realm) -> access token
  local t
  t="$(curl -sf -d grant_type=password -d client_id=govtech-cli -d "username=$1" -d "password=$1" \
    "$KEYCLOAK_URL/realms/govtech/protocol/openid-connect/token" | jq -r .access_token)" || true
  [[ -n "$t" && "$t" != null ]] || bench_die "no token for $1 from $KEYCLOAK_URL"
  echo "$t"
}

# method url token [body] [extra header] -> sets BENCH_STATUS and BENCH_BODY
bench_call() {
  local out; out="$(mktemp)"
  BENCH_STATUS="$(curl -s -o "$out" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3" \
    -H 'Content-Type: application/json' ${5:+-H "$5"} ${4:+--data-binary "$4"} "$2")" || BENCH_STATUS=000
  BENCH_BODY="$(cat "$out")"; rm -f "$out"
}

bench_expect() { # status what
  [[ "$BENCH_STATUS" == "$1" ]] || bench_die "$2: expected $1, got $BENCH_STATUS $BENCH_BODY"
}

bench_sql() { # database sql… (tab-separated, no headers)
  local db="$1"; shift
  psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# ---------------------------------------------------------------- Keycloak users

bench_kc_admin_token() { # the stack's bootstrap admin (dev only); its tokens live a minute
  curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

# A municipality admin: password = user name, realm role municipality-admin, attribute municipality_id
bench_create_municipality_admin() { # admin-token username municipality-id
  local users="$KEYCLOAK_URL/admin/realms/govtech/users" location role body
  body="$(jq -nc --arg u "$2" --arg m "$3" '{username: $u, enabled: true, email: ($u + "@bench.example"),
    emailVerified: true, firstName: "Bench", lastName: "Admin", attributes: {municipality_id: [$m]},
    credentials: [{type: "password", value: $u, temporary: false}]}')"
  location="$(curl -s -o /dev/null -D - -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    --data-binary "$body" "$users" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  [[ -n "$location" ]] || bench_die "creating Keycloak user $2 failed"
  role="$(curl -sf -H "Authorization: Bearer $1" "$KEYCLOAK_URL/admin/realms/govtech/roles/municipality-admin")" \
    || bench_die "reading the role municipality-admin failed"
  curl -sf -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' --data-binary "[$role]" \
    "$location/role-mappings/realm" >/dev/null || bench_die "giving $2 the role municipality-admin failed"
}

# ---------------------------------------------------------------- the membership flow

BENCH_STATUTES_VERSION="2025-12-12"

# Registers a Gemeinde in Baden-Württemberg under a fresh official key, verifies it unless it already is, applies
# and admits it (applicant token may be the platform admin's). Prints "municipality-id membership-id".
bench_admit() { # applicant-token platform-admin-token name-prefix
  local applicant="$1" admin="$2" prefix="$3" key body id verification membership tries=0
  while :; do
    key="08$(printf '%06d' $(( (RANDOM * 32768 + RANDOM) % 1000000 )))"
    body="$(jq -nc --arg n "$prefix $key" --arg k "$key" '{name: $n, type: "GEMEINDE", land: "08", officialKey: $k,
      contacts: [{name: "Erika Mustermann", function: "IT-Leitung", email: "it@bench.example"}]}')"
    bench_call POST "$MEMBERSHIP_URL/api/v1/membership/municipalities" "$applicant" "$body"
    [[ "$BENCH_STATUS" == 409 && $((tries += 1)) -lt 10 ]] || break # official key taken: another one
  done
  bench_expect 201 "registering municipality $key"
  id="$(jq -r .id <<<"$BENCH_BODY")"; verification="$(jq -r .verification <<<"$BENCH_BODY")"
  if [[ "$verification" != VERIFIED ]]; then
    bench_call POST "$MEMBERSHIP_URL/api/v1/membership/municipalities/$id/verify" "$admin"
    bench_expect 200 "verifying municipality $id"
  fi
  bench_call POST "$MEMBERSHIP_URL/api/v1/membership/memberships" "$applicant" \
    "$(jq -nc --arg m "$id" --arg s "$BENCH_STATUTES_VERSION" '{municipalityId: $m, statutesVersion: $s}')"
  bench_expect 201 "applying for membership of $id"
  membership="$(jq -r .id <<<"$BENCH_BODY")"
  bench_call POST "$MEMBERSHIP_URL/api/v1/membership/memberships/$membership/admit" "$admin"
  bench_expect 200 "admitting membership $membership"
  echo "$id $membership"
}

# Waits until the marketplace's member projection holds every municipality id of the file as ACTIVE
bench_await_members() { # file-with-ids timeout-seconds
  local ids count want deadline=$((SECONDS + $2))
  want="$(wc -l <"$1")"
  ids="$(sed "s/.*/'&'/" "$1" | paste -sd,)"
  while :; do
    count="$(bench_sql marketplace -c "select count(*) from member_municipality
      where status = 'ACTIVE' and municipality_id in ($ids)")"
    (( count >= want )) && return 0
    (( SECONDS < deadline )) || bench_die "the marketplace knows only $count of $want admitted members after $2 s"
    sleep 0.5
  done
}

# ---------------------------------------------------------------- statistics

# Reads numbers (one a line) and prints "n p50 p95 p99 max" (nearest rank)
bench_percentiles() {
  sort -g | awk '{v[NR] = $1} END {
    if (NR == 0) { print "0 nan nan nan nan"; exit }
    split("50 95 99", q, " ")
    printf "%d", NR
    for (i = 1; i <= 3; i++) { r = int((q[i] / 100) * NR + 0.999999); if (r < 1) r = 1; printf " %.1f", v[r] }
    printf " %.1f\n", v[NR] }'
}
