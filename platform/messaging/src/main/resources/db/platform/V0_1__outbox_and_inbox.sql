-- Platform tables shared by every service (from platform-messaging).
-- Versions V0_x are reserved for the platform; services number their own migrations V1 and up.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- published to Kafka by the relay in id order, then marked published.
create table outbox_event (
    id            bigserial    primary key,
    event_id      uuid         not null unique,
    event_type    varchar(200) not null,
    source        varchar(200) not null,
    topic         varchar(200) not null,
    aggregate_id  varchar(200) not null,
    occurred_at   timestamptz  not null,
    payload       jsonb        not null,
    published_at  timestamptz
);

create index outbox_event_unpublished_idx on outbox_event (id) where published_at is null;
create index outbox_event_published_at_idx on outbox_event (published_at) where published_at is not null;

-- Idempotent inbox: one row per (consumer, event id), written in the same transaction as the effect.
create table inbox_event (
    consumer      varchar(200) not null,
    event_id      varchar(200) not null,
    event_type    varchar(200),
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
