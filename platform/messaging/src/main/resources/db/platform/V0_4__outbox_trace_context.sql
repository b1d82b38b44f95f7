-- The W3C trace context (traceparent, tracestate) of the transaction that wrote the event. The relay sends it as
-- Kafka headers of the same names, so the consumers' handling joins the trace of the request that caused the event.
alter table outbox_event add column trace_parent text;
alter table outbox_event add column trace_state  text;
