-- Idempotency keys moved to ops-common: every creating POST of every service takes one, kept in ops-common's
-- idempotency_key (db/common V0_4, applied before this script) and pruned by ops-common's bookkeeping. The keys
-- claimed here for POST /work-logs are carried over with their created_at (the pruner drops those past the horizon),
-- so that a key answered before the move is never run a second time. Their request_hash is the old fingerprint (of
-- the parsed input, not of the body's bytes), which no request matches any more: a retry of such a request within
-- the horizon gets 422 idempotency-key-reused instead of a second log.
insert into idempotency_key (caller, idem_key, operation, request_hash, status, location, etag, body, created_at)
select caller_id::text, idem_key, 'POST /api/v1/work-logs', request_hash, status, null, null, body, created_at
from idempotent_request
on conflict do nothing;

drop table idempotent_request;
