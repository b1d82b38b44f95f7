#!/usr/bin/env bash
# The public catalogue at 10,000 published listings: p50/p95/p99 per kind of request (text search, facets, filters,
# sort), with one client and with 16 concurrent clients, straight to the marketplace service. Load comes from wrk.
#
#   bench/catalogue.sh                        # own stack (marketplace only) on a free port offset: seed, measure, stop
#   ./stack.sh --port-offset 0 &              # or a running stack (any offset):
#   bench/catalogue.sh --port-offset 0        # seeds 10,000 listings (once), measures, prints a Markdown table
#   bench/catalogue.sh --port-offset 0 --remove   # deletes the seeded listings again
#   bench/catalogue.sh --duration 2 --warmup 1 --listings 1000   # a quick check that everything works
#   bench/catalogue.sh --no-page-cache        # own stack whose service searches every time (no kept pages)
#
# Every cell but one repeats one request, so the service answers it from the pages it keeps for the catalogue's version
# (CataloguePageCache) after the first time, and every app of it from the cards it keeps (CatalogueCards);
# --no-page-cache measures the search itself. The mixed cell asks one of 136 searches at random per request.
# Needs wrk and psql (Debian: apt-get install wrk postgresql-client; installed here when missing and run as root).
# Exits non-zero when any answer was not 2xx. Figures and conditions: docs/PERFORMANCE.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

offset="" ; own_offset="" ; stack_timeout=300 ; duration=10 ; warmup=3 ; remove=0 ; listings=10000 ; page_cache=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port-offset) offset="$2"; shift 2 ;;
    --own-offset) own_offset="$2"; shift 2 ;;
    --stack-timeout) stack_timeout="$2"; shift 2 ;;
    --keep-data) BENCH_KEEP_DATA=1; shift ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --listings) listings="$2"; shift 2 ;;
    --remove) remove=1; shift ;;
    --no-page-cache) page_cache=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"
      echo "options: --port-offset N (a running stack; default: an own one) --own-offset N --stack-timeout S (300)"
      echo "         --keep-data --duration S (10) --warmup S (3) --listings N (10000) --remove"
      echo "         --no-page-cache (own stack only: the service keeps no catalogue pages)"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

need() { # command debian-package
  command -v "$1" >/dev/null && return 0
  if [[ "$(id -u)" == 0 ]]; then
    apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }
  fi
  command -v "$1" >/dev/null || { echo "needs $1: apt-get install $2" >&2; exit 2; }
}
need wrk wrk
need psql postgresql-client

[[ "$page_cache" == 0 && -n "$offset" ]] && { echo "--no-page-cache needs an own stack (no --port-offset)" >&2; exit 2; }
if [[ -z "$offset" && "$remove" == 0 ]]; then
  # the launcher hands its environment on to the services
  [[ "$page_cache" == 0 ]] && export GOVTECH_MARKETPLACE_CATALOGUE_PAGE_CACHE_BYTES=0
  bench_start_stack "$own_offset" marketplace "$stack_timeout"   # stopped on exit
  offset="$BENCH_OFFSET"
fi
[[ -n "$offset" ]] || { echo "--remove needs --port-offset" >&2; exit 2; }
service="http://localhost:$((8084 + offset))"
export PGHOST=localhost PGPORT=$((15432 + offset)) PGUSER=postgres PGPASSWORD=postgres PGDATABASE=marketplace
sql() { psql -v ON_ERROR_STOP=1 -q -X "$@"; }

if [[ "$remove" == 1 ]]; then
  sql -c "delete from listing_revision where listing_id in (select id from listing where slug like 'bench-app-%');
          delete from listing where slug like 'bench-app-%';
          delete from vendor where id = '7e5c0a1e-be9c-4c4a-9a11-000000010000';"
  echo "bench listings removed"; exit 0
fi

curl -sf "$service/q/health/ready" >/dev/null || { echo "no marketplace ready at $service (start ./stack.sh --port-offset $offset)" >&2; exit 2; }

# the seeded listings' own vendor (the stack's demo app needs the gateway; this benchmark does not)
vendor=7e5c0a1e-be9c-4c4a-9a11-000000010000
sql -c "insert into vendor (id, name, legal_form, street, postal_code, city, country, contact_email, vat_id, status,
                            registered_at, registered_by, verified_at, verified_by)
        values ('$vendor', 'Benchmark Software GmbH', 'GmbH', 'Marktplatz 1', '74072', 'Heilbronn', 'DE',
                'bench@benchmark.invalid', 'DE999000014', 'VERIFIED', now(), 'bench', now(), 'bench')
        on conflict do nothing"

# counted by revision: a seeding that failed half-way leaves listings without one
if [[ "$(sql -At -c "select count(*) from listing_revision r join listing l on l.id = r.listing_id
                      where l.slug like 'bench-app-%'")" -lt "$listings" ]]; then
  echo "seeding $listings published listings (and 100 delisted ones the catalogue must skip) ..." >&2
  sql <<SQL
insert into listing (id, vendor_id, slug, status, published_revision, created_at, updated_at)
select md5('bench' || i)::uuid, '$vendor', 'bench-app-' || i,
       case when i > $listings then 'DELISTED' else 'PUBLISHED' end, 1, now(), now()
from generate_series(1, $listings + 100) i
on conflict do nothing;
insert into listing_revision (id, listing_id, revision, status, content, broker_url, broker_username, broker_password,
                              broker_password_encrypted,
                              created_at, created_by, updated_at, decided_at, decided_by)
select md5('benchrev' || i)::uuid, md5('bench' || i)::uuid, 1, 'PUBLISHED',
       jsonb_build_object(
         'name', w[1 + i % 16] || ' ' || w[1 + (i / 16) % 16] || ' ' || i,
         'summary', 'Digitale Lösung für ' || w[1 + (i / 7) % 16] || ' und ' || w[1 + (i / 3) % 16],
         'description', repeat('Die Anwendung unterstützt Verwaltungen bei ' || w[1 + (i / 5) % 16] || '. ', 20),
         'category', (array['CITIZEN_SERVICES','ADMINISTRATION','COLLABORATION','SECURITY','FINANCE'])[1 + i % 5],
         'tags', jsonb_build_array(w[1 + (i / 11) % 16]),
         'plans', jsonb_build_array(
             jsonb_build_object('name','Basis','description','x','priceModel','FREE','price',0),
             jsonb_build_object('name','Voll','description','y','priceModel',
                                (array['MONTHLY_FLAT','PER_INHABITANT_PER_YEAR'])[1 + i % 2],'price',10.50)),
         'compliance', jsonb_build_object('hostedInGermany', i % 2 = 0, 'bsiC5', i % 3 = 0, 'gdprDpaAvailable', true,
                                          'bitvAccessible', i % 4 = 0, 'openSourceLicence', null),
         'cloudTargets', jsonb_build_array((array['stackit:eu01','ionos:de-fra','delos:de'])[1 + i % 3]),
         'documentationUrl', 'https://docs.example.de', 'supportUrl', 'https://support.example.de'),
       'https://broker.bench.example', 'bench', 'not-a-secret', false, now(), 'bench', now(), now() - i * interval '1 minute', 'bench'
from generate_series(1, $listings + 100) i,
     (select array['Bürgerportal','Abfall','Kalender','Ratsinformation','Schule','Kita','Parken','Bibliothek','Friedhof',
                   'Hundesteuer','Wahlen','Bauantrag','Geodaten','Sitzung','Termin','Bürgerbüro'] as w) words
on conflict do nothing;
SQL
  # what autovacuum does soon after a bulk insert: statistics and the visibility map; and the dead row versions of the
  # word counts (V18), each updated once per app with the word, which autovacuum would otherwise clean up during the
  # first cells (it did, 16 s after seeding: PostgreSQL's CPU per q=Kalender 3.4-3.9 instead of 1.1-1.3 ms)
  sql -c "vacuum analyze listing" -c "vacuum analyze listing_revision" \
    -c "vacuum analyze catalogue_entry" -c "vacuum analyze catalogue_facet_combination" \
    -c "vacuum analyze catalogue_word" -c "vacuum analyze catalogue_word_facet"
fi

total="$(curl -sf "$service/api/v1/marketplace/catalogue/apps?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')"
(( total >= listings )) || { echo "the catalogue shows $total apps, expected at least $listings" >&2; exit 1; }

lua="$(mktemp --suffix=.lua)"
cat >"$lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.1f %.1f %.0f %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    e.status + e.connect + e.read + e.write + e.timeout))
end
LUA
# the mixed cell: each request one of 136 searches at random (the 16 seeded words alone and every pair of two), so
# neither kept pages nor kept cards (CatalogueCards) answer most of them as in a cell that repeats one request
mixed_lua="$(mktemp --suffix=.lua)"
trap 'rm -f "$lua" "$mixed_lua"; bench_stop_stack' EXIT
{
  cat "$lua"
  cat <<'LUA'
local words = {"B%C3%BCrgerportal", "Abfall", "Kalender", "Ratsinformation", "Schule", "Kita", "Parken", "Bibliothek",
  "Friedhof", "Hundesteuer", "Wahlen", "Bauantrag", "Geodaten", "Sitzung", "Termin", "B%C3%BCrgerb%C3%BCro"}
local searches = {}
for i = 1, #words do
  searches[#searches + 1] = words[i]
  for j = i + 1, #words do searches[#searches + 1] = words[i] .. "%20" .. words[j] end
end
local base = wrk.path
setup = function(thread) thread:set("seed", math.random(1, 1000000)) end
init = function() math.randomseed(seed or os.time()) end
request = function()
  return wrk.format(nil, base .. "?q=" .. searches[math.random(#searches)])
end
LUA
} >"$mixed_lua"

kinds=(
  "text search: q=Kalender|q=Kalender"
  "text search, two words|q=B%C3%BCrgerportal%20Termin"
  "text search + filters|q=Kalender&bsiC5=true&cloudTarget=stackit:eu01"
  "text search, mixed: 136 searches at random (16 words, 120 pairs)|@mixed"
  "facets of all (no q, size=1)|size=1"
  "filters + sort by name, page 10|category=SECURITY&hostedInGermany=true&sort=NAME&page=10"
  "sort by name, page 450|page=450"
  "sort by newest, page 250|sort=NEWEST&page=250"
  "one app by slug (floor)|/bench-app-$(( listings < 4711 ? listings : 4711 ))"
)

# CPU time per request of the service and of its PostgreSQL (the postmaster and its backends, so the pooled
# connections' backends count) over each 16-client run, from /proc: what the queue in front of two cores is made of
listener_pid() { ss -ltnpH "sport = :$1" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1; }
service_pid="$(listener_pid $((8084 + offset)))" ; postgres_pid="$(listener_pid "$PGPORT")"
cpu_ticks() { # pids… -> user + system clock ticks (0 for a process that is gone)
  local total=0 pid
  for pid in "$@"; do [[ -r "/proc/$pid/stat" ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
postgres_pids() { [[ -n "$postgres_pid" ]] && echo "$postgres_pid" $(pgrep -P "$postgres_pid"); }
per_request() { # ticks requests-per-second -> ms of CPU per request
  awk -v t="$1" -v rps="$2" -v d="$duration" -v hz="$(getconf CLK_TCK)" 'BEGIN { n = rps * d; printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }'
}

failed=0
echo "Catalogue at $total published listings, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$( [[ "$page_cache" == 1 ]] && echo "repeated pages kept by the service (unless the running stack says otherwise)" || echo "no pages kept (--no-page-cache)")"
echo
echo "| request | 1 client p50 / p95 / p99 (ms) | 16 clients p50 / p95 / p99 (ms) | 16 clients req/s | CPU ms/req service / PostgreSQL (16 clients) |"
echo "|---|---|---|---|---|"
for kind in "${kinds[@]}"; do
  label="${kind%%|*}" ; query="${kind#*|}" ; script="$lua" ; check=""
  if [[ "$query" == @mixed ]]; then
    url="$service/api/v1/marketplace/catalogue/apps" ; script="$mixed_lua" ; check="$url?q=Kalender%20Termin"
  elif [[ "$query" == /* ]]; then url="$service/api/v1/marketplace/catalogue/apps$query"
  else url="$service/api/v1/marketplace/catalogue/apps?$query"; fi
  curl -sf -o /dev/null "${check:-$url}" || { echo "not 2xx: ${check:-$url}" >&2; exit 1; }
  wrk -t1 -c1 -d"${warmup}s" -s "$script" "$url" >/dev/null
  read -r p50a p95a p99a _ erra < <(wrk -t1 -c1 -d"${duration}s" -s "$script" "$url" | grep '^RESULT' | cut -d' ' -f2-)
  service0="$(cpu_ticks $service_pid)" ; postgres0="$(cpu_ticks $(postgres_pids))"
  read -r p50b p95b p99b rps errb < <(wrk -t2 -c16 -d"${duration}s" -s "$script" "$url" | grep '^RESULT' | cut -d' ' -f2-)
  cpu="$(per_request $(( $(cpu_ticks $service_pid) - service0 )) "$rps") / $(per_request $(( $(cpu_ticks $(postgres_pids)) - postgres0 )) "$rps")"
  (( erra + errb > 0 )) && { failed=1; echo "errors (non-2xx or socket) for $label: $erra / $errb" >&2; }
  echo "| $label | $p50a / $p95a / $p99a | $p50b / $p95b / $p99b | $rps | $cpu |"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); wrk ${duration}s per cell after ${warmup}s warm-up, direct to $service"
exit "$failed"
