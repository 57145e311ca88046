-- The first answer to a creating POST sent with an Idempotency-Key, replayed to the caller's retries (ops-common
-- idempotency). A row is claimed, as the first statement of the request's transaction, by an insert the primary key
-- makes a concurrent retry wait on until the first commits; the same statement stores the answer at the end. Rows of
-- refused requests never commit. Pruned after ops.bookkeeping.idempotent-requests-horizon by created_at, without an
-- index on it, like processed_event (see the root README).
create table idempotency_key (
    caller        varchar(255)   not null,
    idem_key      varchar(200)   not null,
    operation     text           not null,
    request_hash  varchar(64)    not null,
    status        integer        not null,
    location      text,
    etag          text,
    body          text           not null,
    created_at    timestamptz    not null,
    primary key (caller, idem_key)
);
