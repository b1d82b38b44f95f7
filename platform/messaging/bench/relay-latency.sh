#!/usr/bin/env bash
# Outbox relay latency: commit of the writing transaction -> record received by a Kafka consumer, and -> applied by
# the test application's inbox consumer (IdempotentConsumer behind a SmallRye Kafka channel, as in the services).
# Starts a real PostgreSQL and Kafka like the tests do. Usage: platform/messaging/bench/relay-latency.sh [events] [pause-ms]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q -ntp install -DskipTests -pl platform/messaging -am
./mvnw -B -ntp verify -pl platform/messaging -Dgroups=benchmark -DexcludedGroups= -Dtest=RelayLatencyBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dkafka.interceptor.classes=de.govtech.platform.messaging.StageClock -Dbench.events="${1:-1000}" -Dbench.pause-ms="${2:-5}" \
  | awk '/RELAY LATENCY/ {on = 1} on {print} on && /pmax/ && ++blocks == 2 {stages = 1} stages && /n=/ && ++rows == 8 {on = 0}'
