-- Shared by every service (ops-common): the transactional outbox and the consumer de-duplication ledger.

create table outbox_event (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    topic          varchar(200)  not null,
    message_key    varchar(200)  not null,
    event_type     varchar(200)  not null,
    envelope       text          not null,
    created_at     timestamptz   not null,
    published_at   timestamptz,
    attempts       integer       not null default 0,
    last_error     varchar(1000)
);

create index outbox_event_pending on outbox_event (seq) where published_at is null;

create table processed_event (
    consumer       varchar(100)  not null,
    event_id       varchar(100)  not null,
    processed_at   timestamptz   not null,
    primary key (consumer, event_id)
);
