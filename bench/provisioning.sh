#!/usr/bin/env bash
# Provisioning throughput: N member municipalities (each admitted through membership-service and given a municipality
# admin in Keycloak) order the stack's demo app `buergerservice-demo` (plan Basis, stackit:eu01) at once; the
# marketplace provisions every order through the stack's sample broker (Open Service Broker, asynchronous, 5 s
# provision delay). Prints the time from the first order to the last PROVISIONED and the broker calls per order.
#
#   bench/provisioning.sh                         # starts its own stack on a free port offset, measures, stops it
#   bench/provisioning.sh --port-offset 0         # a running stack (./stack.sh); --data-dir if not .stack-data
#   bench/provisioning.sh --orders 10             # a quick check
#
# Times come from the marketplace's database (subscription.ordered_at of the first order, provisioned_at of the last);
# broker calls from the sample broker's request log (logs/sample-broker.log: one line per request), counted per
# instance id (= subscription id) and method. Exit code 1 when an order is refused or does not end PROVISIONED.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,13p' "$0"; cat <<'USAGE'
options:
  --port-offset N      use the running stack at the usual ports + N (default: start an own one)
  --data-dir DIR       that stack's data dir, for the sample broker's log (default <repo>/.stack-data)
  --own-offset N       own stack: this port offset (default: the first free of 3500, 4500, … 12500)
  --stack-timeout S    own stack: seconds each component may take to become ready (default 300)
  --keep-data          own stack: keep its data dir and logs
  --orders N           members and orders (default 200)
  --parallel P         clients making members and placing orders side by side (default 4)
  --timeout S          how long the orders may take to end (default 600)
  --app SLUG --plan P --cloud-target T   what is ordered (default buergerservice-demo, Basis, stackit:eu01)
USAGE
}

offset="" ; own_offset="" ; stack_timeout=300 ; orders=200 ; parallel=4 ; timeout=600 ; data_dir="$BENCH_ROOT/.stack-data"
app=buergerservice-demo ; plan=Basis ; cloud_target=stackit:eu01
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port-offset) offset="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --own-offset) own_offset="$2"; shift 2 ;;
    --stack-timeout) stack_timeout="$2"; shift 2 ;;
    --keep-data) BENCH_KEEP_DATA=1; shift ;;
    --orders) orders="$2"; shift 2 ;;
    --parallel) parallel="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --app) app="$2"; shift 2 ;;
    --plan) plan="$2"; shift 2 ;;
    --cloud-target) cloud_target="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

bench_use_stack "$offset" "$own_offset" membership,marketplace,gateway "$stack_timeout"
[[ -n "$offset" ]] || data_dir="$BENCH_STACK_DIR"
broker_log="$(bench_broker_log "$data_dir")"
[[ -f "$broker_log" ]] || bench_die "no sample broker log at $broker_log (--data-dir of the running stack?)"
[[ "$(bench_sql marketplace -c "select count(*) from listing where slug = '$app' and status = 'PUBLISHED'")" == 1 ]] \
  || bench_die "no published listing $app in the marketplace (the stack seeds buergerservice-demo)"

work="$(mktemp -d)"
trap 'rm -rf "$work"; bench_stop_stack' EXIT
admin="$(bench_token dev-platform-admin)"
run="$(date +%s)"

# worker w makes the members w, w+P, w+2P, …: admitted municipality, its admin user, that user's token
make_members() { # worker
  local kc="" kc_at=-100 i id user
  for ((i = $1; i <= orders; i += parallel)); do
    read -r id _ _ < <(bench_admit "$admin" "$admin" "Gemeinde Bereitstellung $run")
    [[ -n "$id" ]] || exit 1
    (( SECONDS - kc_at < 30 )) || { kc="$(bench_kc_admin_token)"; kc_at=$SECONDS; } # its tokens live a minute
    user="bench-$run-$i"
    bench_create_municipality_admin "$kc" "$user" "$id"
    printf '%s\t%s\t%s\n' "$id" "$user" "$(bench_token "$user")" >>"$work/members.$1"
  done
}

place_orders() { # worker
  local id user token body
  [[ -f "$work/members.$1" ]] || return 0 # fewer orders than workers: this one made no member
  body="$(jq -nc --arg a "$app" --arg p "$plan" --arg c "$cloud_target" '{appSlug: $a, plan: $p, cloudTarget: $c}')"
  while IFS=$'\t' read -r id user token; do
    bench_call POST "$MARKETPLACE_URL/api/v1/marketplace/subscriptions" "$token" "$body" "Idempotency-Key: $user"
    bench_expect 201 "order of $user (municipality $id)"
    jq -r .id <<<"$BENCH_BODY" >>"$work/subscriptions.$1"
  done <"$work/members.$1"
}

side_by_side() { # function: runs it for workers 1..P, fails when one failed
  local pids=() w failed=0
  for ((w = 1; w <= parallel; w++)); do "$1" "$w" & pids+=($!); done
  for w in "${pids[@]}"; do wait "$w" || failed=1; done
  (( failed == 0 )) || bench_die "$1 failed (see above)"
}

bench_machine
bench_log "making $orders members with a municipality admin each ($parallel side by side)"
side_by_side make_members
cat "$work"/members.* | cut -f1 >"$work/ids"
(( $(wc -l <"$work/ids") == orders )) || bench_die "made $(wc -l <"$work/ids") of $orders members"
bench_await_members "$work/ids" 120

broker_lines_before="$(wc -l <"$broker_log")"
bench_log "placing $orders orders of $app ($plan, $cloud_target), $parallel clients"
side_by_side place_orders
cat "$work"/subscriptions.* >"$work/subscriptions"
ids="$(sed "s/.*/'&'/" "$work/subscriptions" | paste -sd,)"

deadline=$((SECONDS + timeout))
while :; do
  pending="$(bench_sql marketplace -c "select count(*) from subscription where state = 'PROVISIONING' and id in ($ids)")"
  (( pending == 0 )) && break
  (( SECONDS < deadline )) || bench_die "$pending of $orders orders still PROVISIONING after $timeout s"
  sleep 1
done
bench_machine

states="$(bench_sql marketplace -c "select state, count(*) from subscription where id in ($ids) group by state order by 1")"
read -r first_to_last first_to_accepted < <(bench_sql marketplace -F ' ' -c "select
  round(extract(epoch from max(provisioned_at) - min(ordered_at))::numeric, 2),
  round(extract(epoch from max(ordered_at) - min(ordered_at))::numeric, 2)
  from subscription where id in ($ids)")

# the broker's lines of this run: "<instant> <METHOD> /v2/service_instances/<id>[/last_operation][?…] -> <status> (<ms> ms)"
tail -n +"$((broker_lines_before + 1))" "$broker_log" | grep -F -f "$work/subscriptions" \
  | awk '{m = $2; p = $3; sub(/\?.*/, "", p); n = split(p, part, "/"); k = (n > 4 ? m " …/" part[5] : m " instance"); c[k]++; t++}
         END {for (k in c) print k "\t" c[k]; print "all\t" t + 0}' | sort >"$work/calls"

echo
echo "Provisioning: $orders orders of $app from $orders members against the sample broker"
echo
echo "| what | value |"
echo "|---|---|"
echo "| states at the end | $(paste -sd' ' <<<"${states//$'\t'/: }") |"
echo "| first order → last PROVISIONED | ${first_to_last} s |"
echo "| first order → last order accepted | ${first_to_accepted} s |"
while IFS=$'\t' read -r kind count; do
  echo "| broker calls per order: $kind | $(awk -v c="$count" -v n="$orders" 'BEGIN {printf "%.2f (%d)", c / n, c}') |"
done <"$work/calls"
[[ "$states" == "PROVISIONED"$'\t'"$orders" ]] || { echo "NOT ALL PROVISIONED" >&2; exit 1; }
