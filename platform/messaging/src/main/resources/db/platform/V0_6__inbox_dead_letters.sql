-- The inbox also remembers the records a consumer set aside on the dead-letter topic, so reading a partition again
-- (a group reset, a new group) skips them instead of setting them aside a second time. The key is the event id, or
-- 'record:<topic>-<partition>@<offset>' for a record without one. The deliberate dead-letter replay may still apply
-- such an event: it clears dead_lettered_at in the transaction that applies it.
alter table inbox_event
    add column dead_lettered_at   timestamptz,
    add column dead_letter_reason text;
