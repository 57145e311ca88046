-- The W3C trace context of the request that recorded the event (null outside a traced request); the relay sends it
-- as the record's traceparent and tracestate headers, so the consumers continue that trace.
alter table outbox_event
    add column traceparent varchar(55),
    add column tracestate  text;
