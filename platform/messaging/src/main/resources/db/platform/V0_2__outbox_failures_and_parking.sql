-- The relay remembers why an event could not be sent, and sets aside (parks) an event Kafka can never take
-- (too large, invalid topic, or failing again and again while everything else flows), so it blocks nothing.
alter table outbox_event
    add column attempts   int         not null default 0,
    add column last_error text,
    add column parked_at  timestamptz;

drop index outbox_event_unpublished_idx;
create index outbox_event_pending_idx on outbox_event (id) where published_at is null and parked_at is null;
create index outbox_event_parked_idx on outbox_event (id) where parked_at is not null;
create index inbox_event_processed_at_idx on inbox_event (processed_at);
