#!/usr/bin/env bash
# Outbox relay latency: commit of the writing transaction -> record received by a Kafka consumer, and -> applied by
# the test application's inbox consumer (IdempotentConsumer on an InboxSubscription, as in the services' projections).
# Starts a real PostgreSQL and Kafka like the tests do.
# Usage: platform/messaging/bench/relay-latency.sh [--maven-repo DIR] [events] [pause-ms]
#   --maven-repo DIR  the local Maven repository to build and install into (default: MAVEN_REPO_LOCAL from the
#                     environment, else Maven's own, ~/.m2/repository); a clone with its own repository passes it here
set -euo pipefail
repo="${MAVEN_REPO_LOCAL:-}"
if [[ "${1:-}" == "--maven-repo" ]]; then
  repo="$2"
  shift 2
fi
cd "$(dirname "$0")/../../.."
maven=(./mvnw -B -ntp)
if [[ -n "$repo" ]]; then
  maven+=("-Dmaven.repo.local=$repo")
fi
"${maven[@]}" -q install -DskipTests -pl platform/messaging -am
"${maven[@]}" verify -pl platform/messaging -Dgroups=benchmark -DexcludedGroups= -Dtest=RelayLatencyBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dkafka.interceptor.classes=de.govtech.platform.messaging.StageClock -Dbench.events="${1:-1000}" -Dbench.pause-ms="${2:-5}" \
  | awk '/RELAY LATENCY/ {on = 1} on {print} on && /pmax/ && ++blocks == 2 {stages = 1} stages && /n=/ && ++rows == 7 {on = 0}'
