-- Roster copy, fed only by personnel-service's events (never by a call).
create table roster_group (
    code        varchar(40)  primary key,
    name_zh     varchar(200),
    name_en     varchar(200),
    core        boolean      not null default false,
    manager_id  bigint,
    version     bigint       not null
);

create table roster_staff (
    id               bigint       primary key,
    employee_number  varchar(40),
    name             varchar(200),
    group_code       varchar(40),
    post_code        varchar(60),
    group_role       varchar(20),
    status           varchar(20)  not null,
    status_since     date,
    hire_date        date,
    version          bigint       not null
);

create table roster_placement (
    id          bigint generated always as identity primary key,
    staff_id    bigint       not null references roster_staff (id) on delete cascade,
    group_code  varchar(40)  not null,
    post_code   varchar(60),
    group_role  varchar(20),
    from_date   date         not null,
    to_date     date
);
create index roster_placement_staff on roster_placement (staff_id);
create index roster_placement_group on roster_placement (group_code);

-- The workload catalog; targets are a dated history so past periods keep the number they had.
create table quota_item (
    id           bigint generated always as identity primary key,
    code         varchar(60)   not null unique,
    group_code   varchar(40)   not null,
    category     varchar(60)   not null,
    name_zh      varchar(200)  not null,
    name_en      varchar(300)  not null,
    shape        varchar(20)   not null,
    unit         varchar(40)   not null,
    period       varchar(10),
    std_minutes  integer,
    crew_min     integer,
    crew_max     integer,
    slots        varchar(200),
    notes        varchar(500),
    retired_on   date,
    version      bigint        not null default 0
);
create index quota_item_group on quota_item (group_code);

create table quota_target (
    id              bigint generated always as identity primary key,
    item_id         bigint         not null references quota_item (id),
    effective_from  date           not null,
    target_min      numeric(14, 4),
    target_max      numeric(14, 4),
    recorded_by     bigint,
    recorded_at     timestamptz    not null,
    unique (item_id, effective_from)
);

-- Exceptions to the working weekdays: public holidays and make-up working days.
create table calendar_day (
    day   date         primary key,
    kind  varchar(20)  not null,
    name  varchar(200)
);

create table assignment (
    id           bigint generated always as identity primary key,
    item_id      bigint         not null references quota_item (id),
    group_code   varchar(40)    not null,
    staff_id     bigint         not null,
    duty         varchar(20)    not null,
    share_min    numeric(14, 4),
    share_max    numeric(14, 4),
    valid_from   date           not null,
    valid_to     date,
    assigned_by  bigint         not null,
    assigned_at  timestamptz    not null,
    ended_by     bigint,
    version      bigint         not null default 0
);
create index assignment_staff on assignment (staff_id, item_id);
create index assignment_group on assignment (group_code);

create table work_log (
    id           bigint generated always as identity primary key,
    staff_id     bigint         not null,
    item_id      bigint         not null references quota_item (id),
    group_code   varchar(40)    not null,
    work_date    date           not null,
    quantity     numeric(14, 2) not null,
    minutes      integer,
    slot         varchar(40),
    note         varchar(1000),
    unplanned    boolean        not null,
    created_by   bigint         not null,
    created_at   timestamptz    not null,
    revision     integer        not null default 0,
    version      bigint         not null default 0
);
create index work_log_item_date on work_log (item_id, work_date);
create index work_log_group_date on work_log (group_code, work_date);

-- Everyone credited with a log, its subject included; a joint log counts once for the group.
create table work_log_crew (
    work_log_id  bigint  not null references work_log (id) on delete cascade,
    staff_id     bigint  not null,
    primary key (work_log_id, staff_id)
);
create index work_log_crew_staff on work_log_crew (staff_id, work_log_id);

create table work_log_correction (
    id            bigint generated always as identity primary key,
    work_log_id   bigint         not null references work_log (id),
    revision      integer        not null,
    corrected_by  bigint         not null,
    corrected_at  timestamptz    not null,
    reason        varchar(1000),
    before_state  text           not null,
    after_state   text           not null
);
create index work_log_correction_log on work_log_correction (work_log_id);

-- The first answer to a POST with an Idempotency-Key, replayed to retries.
create table idempotent_request (
    caller_id     bigint         not null,
    idem_key      varchar(200)   not null,
    request_hash  varchar(100)   not null,
    status        integer        not null,
    body          text           not null,
    created_at    timestamptz    not null,
    primary key (caller_id, idem_key)
);

create table period_lock (
    id            bigint generated always as identity primary key,
    group_code    varchar(40)   not null,
    window_kind   varchar(10)   not null,
    start_date    date          not null,
    end_date      date          not null,
    locked_by     bigint        not null,
    locked_at     timestamptz   not null,
    reopened_by   bigint,
    reopened_at   timestamptz,
    reopen_reason varchar(1000),
    version       bigint        not null default 0
);
create index period_lock_group on period_lock (group_code, start_date, end_date);

-- Whether a completion event was last sent as met, per subject, item and window (once per window).
create table attainment_state (
    subject_type  varchar(10)  not null,
    subject_id    varchar(40)  not null,
    item_id       bigint       not null,
    window_kind   varchar(10)  not null,
    window_start  date         not null,
    met           boolean      not null,
    primary key (subject_type, subject_id, item_id, window_kind, window_start)
);
