-- Only a failure while Kafka took other events of the same attempt says "this event is the problem". Failures during
-- an outage (however long) must not count towards parking, or the first partial success after it would park events.
alter table outbox_event
    add column failures_while_others_sent int not null default 0;
