#!/usr/bin/env bash
# Member admitted → the marketplace accepts that member's order: N municipalities are registered, verified, apply
# and are admitted through membership-service's API one after the other (as dev-platform-admin); per member the time
# from its admission to the marketplace's member projection holding it ACTIVE (the row its order check reads) is taken
# from the two databases; p50/p95/p99/max are printed.
#
#   bench/event-latency.sh                        # starts its own stack on a free port offset, measures, stops it
#   bench/event-latency.sh --port-offset 0        # a running stack (./stack.sh); its data stays (new members added)
#   bench/event-latency.sh --members 10           # a quick check
#
# What is measured (see bench/README.md): start = membership_transition.occurred_at of the member's move to ACTIVE
# (written in the admission's transaction, before its commit: the figure includes the commit); end =
# member_municipality.updated_at in the marketplace (set while member-joined is applied, in the inbox transaction,
# just before its commit). Both clocks are this machine's.
# Exit code 1 when a member does not arrive, or p50/p99 miss the target (--no-target-check: only report).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { sed -n '2,17p' "$0"; cat <<'USAGE'
options:
  --port-offset N      use the running stack at the usual ports + N (default: start an own one)
  --own-offset N       own stack: this port offset (default: the first free of 3500, 4500, … 12500)
  --stack-timeout S    own stack: seconds each component may take to become ready (default 300)
  --keep-data          own stack: keep its data dir and logs
  --members N          admissions (default 100)
  --pause-ms MS        pause between two admissions, so each event travels alone (default 100)
  --arrival-timeout S  how long to wait for the last member at the marketplace (default 120)
  --no-target-check    exit 0 even when p50 > 25 ms or p99 > 200 ms
USAGE
}

offset="" ; own_offset="" ; stack_timeout=300 ; members=100 ; pause_ms=100 ; arrival_timeout=120 ; check=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port-offset) offset="$2"; shift 2 ;;
    --own-offset) own_offset="$2"; shift 2 ;;
    --stack-timeout) stack_timeout="$2"; shift 2 ;;
    --keep-data) BENCH_KEEP_DATA=1; shift ;;
    --members) members="$2"; shift 2 ;;
    --pause-ms) pause_ms="$2"; shift 2 ;;
    --arrival-timeout) arrival_timeout="$2"; shift 2 ;;
    --no-target-check) check=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

bench_use_stack "$offset" "$own_offset" membership,marketplace,gateway "$stack_timeout"

work="$(mktemp -d)"
trap 'rm -rf "$work"; bench_stop_stack' EXIT
admin="$(bench_token dev-platform-admin)"
prefix="Gemeinde Latenz $(date +%s)"

bench_machine
bench_log "admitting $members municipalities one after the other (pause ${pause_ms} ms)"
# worked out once: no process of the script's own starts while an event is on its way (2 cores)
pause_s="$(awk -v ms="$pause_ms" 'BEGIN {printf "%.3f", ms / 1000}')"
for i in $(seq 1 "$members"); do
  bench_admit "$admin" "$admin" "$prefix" >>"$work/admitted"
  sleep "$pause_s"
done
cut -d' ' -f1 "$work/admitted" >"$work/ids"
bench_await_members "$work/ids" "$arrival_timeout"

ids="$(sed "s/.*/'&'/" "$work/ids" | paste -sd,)"
memberships="$(cut -d' ' -f2 "$work/admitted" | sed "s/.*/'&'/" | paste -sd,)"
# municipality id → admission time (epoch ms) in membership, → applied time in marketplace
bench_sql membership -c "select m.municipality_id, extract(epoch from t.occurred_at) * 1000
  from membership_transition t join membership m on m.id = t.membership_id
  where t.to_status = 'ACTIVE' and t.membership_id in ($memberships)" | sort >"$work/admitted-at"
bench_sql marketplace -c "select municipality_id, extract(epoch from updated_at) * 1000
  from member_municipality where municipality_id in ($ids)" | sort >"$work/applied-at"

(( $(wc -l <"$work/admitted-at") == members )) || bench_die "admission times found for $(wc -l <"$work/admitted-at") of $members"
join -t $'\t' "$work/admitted-at" "$work/applied-at" | awk -F'\t' '{printf "%.3f\n", $3 - $2}' >"$work/from-admission"

read -r n p50 p95 p99 max < <(bench_percentiles <"$work/from-admission")
bench_machine
echo
echo "Member admitted → marketplace holds it ACTIVE (its order is accepted), $n admissions, ${pause_ms} ms apart:"
echo
echo "| measured from | p50 ms | p95 ms | p99 ms | max ms |"
echo "|---|---|---|---|---|"
echo "| the admission (transition time in its transaction, commit included) | $p50 | $p95 | $p99 | $max |"
echo
echo "target: p50 ≤ 25 ms, p99 ≤ 200 ms (from the admission)"
if [[ "$check" == 1 ]] && ! awk -v a="$p50" -v b="$p99" 'BEGIN {exit !(a <= 25 && b <= 200)}'; then
  echo "TARGET MISSED" >&2; exit 1
fi
