-- The scorecard's read model, built only from quota-service's and project-service's events (never by calling them).
-- Every row can be rebuilt by replaying ops.quota.periods and ops.project.projects from the start.

-- A MONTH lock (approval) of a group's figures; quota-service's lock id. A reopened lock keeps its row, flagged, so
-- that a replayed lock event of it is not applied again; its figures are removed.
create table scorecard_lock (
    lock_id      bigint       primary key,
    group_code   varchar(20)  not null,
    month_start  date         not null,
    month_end    date         not null,
    locked_by    bigint,
    reopened     boolean      not null default false
);

create index scorecard_lock_month on scorecard_lock (month_start, group_code);

-- One person's figures in a lock.
create table scorecard_person (
    id                bigint generated always as identity primary key,
    lock_id           bigint       not null references scorecard_lock (lock_id),
    staff_id          bigint       not null,
    name              varchar(100),
    workload_minutes  bigint,
    working_minutes   bigint,
    constraint scorecard_person_once unique (lock_id, staff_id)
);

create index scorecard_person_staff on scorecard_person (staff_id);

create table scorecard_item (
    id                bigint generated always as identity primary key,
    person_id         bigint        not null references scorecard_person (id),
    item_code         varchar(60)   not null,
    target_low        numeric(19, 4),
    target_high       numeric(19, 4),
    done              numeric(19, 4),
    credited_minutes  bigint,
    ratio             numeric(19, 4),
    status            varchar(20)   not null,
    planned           boolean       not null,
    duty              varchar(10)
);

create index scorecard_item_person on scorecard_item (person_id);

-- A finished project (closed or cancelled), with the day it finished in the department's time zone.
create table scorecard_project (
    project_id        bigint        primary key,
    code              varchar(60),
    type              varchar(20),
    title             varchar(300),
    group_code        varchar(20),
    outcome           varchar(20)   not null,
    evaluation_score  integer,
    finished_on       date
);

create index scorecard_project_finished on scorecard_project (finished_on);

create table scorecard_project_member (
    id             bigint generated always as identity primary key,
    project_id     bigint         not null references scorecard_project (project_id),
    staff_id       bigint         not null,
    role           varchar(40)    not null,
    share_percent  numeric(7, 4),
    constraint scorecard_project_member_once unique (project_id, staff_id)
);

create index scorecard_project_member_staff on scorecard_project_member (staff_id);
