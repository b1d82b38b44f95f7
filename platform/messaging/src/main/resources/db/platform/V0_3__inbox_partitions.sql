-- Which Kafka partitions this database has applied events from. A partition missing here is new to this
-- database — a fresh or a restored one: its consumer starts at the beginning of the partition, so a projection is
-- rebuilt from the topic instead of continuing from the offsets committed for an earlier database. A row is written
-- in the transaction that applies the partition's first event, so a crash before that leaves the partition new.
create table inbox_partition (
    topic             varchar(200) not null,
    kafka_partition   int          not null,
    first_applied_at  timestamptz  not null default now(),
    primary key (topic, kafka_partition)
);
