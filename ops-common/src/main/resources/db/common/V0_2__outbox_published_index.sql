-- The bookkeeping pruner deletes the outbox rows published longer ago than ops.events.relay.retention (7 days), every
-- hour: "delete from outbox_event where published_at < ?". Without an index that reads the whole outbox, every event
-- of the last week. Partial, so recording an event (published_at still null) writes no entry in it.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
