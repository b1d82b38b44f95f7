#!/usr/bin/env bash
# Kafka's health check: succeeds once the broker answers and every topic of the platform exists, creating the missing
# ones (names, partitions and retention as platform/infra's govtech/kafka-topics.properties). After the first success
# it only lists the topics.
set -euo pipefail
bootstrap=localhost:9092
topics=(
  "membership.events 3 -1"
  "learning.events 3 604800000"
  "solutions.events 3 604800000"
  "marketplace.events 3 604800000"
  "membership.dead-letter 1 -1"
  "learning.dead-letter 1 -1"
  "solutions.dead-letter 1 -1"
  "marketplace.dead-letter 1 -1"
)
existing="$(/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --list)"
for topic in "${topics[@]}"; do
  read -r name partitions retention <<<"$topic"
  if ! grep -qx "$name" <<<"$existing"; then
    /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
      --partitions "$partitions" --replication-factor 1 --config "retention.ms=$retention"
  fi
done
