-- The roster replica (com.wuaigou.ops.common.roster): personnel-service's groups and staff with their placement
-- history, kept from ops.personnel.groups and ops.personnel.staff. quota-service and project-service created these
-- tables in their own histories (quota V1, project V1 and V3) before the replica moved here; every statement is
-- written to change nothing where they already stand, so this script can join any of those databases later.
create table if not exists roster_group (
    code        varchar(40)  primary key,
    name_zh     varchar(200),
    name_en     varchar(200),
    core        boolean      not null default false,
    manager_id  bigint,
    version     bigint       not null
);

create table if not exists roster_staff (
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

create table if not exists roster_placement (
    id          bigint generated always as identity primary key,
    staff_id    bigint       not null references roster_staff (id) on delete cascade,
    group_code  varchar(40)  not null,
    post_code   varchar(60),
    group_role  varchar(20),
    from_date   date         not null,
    to_date     date
);
create index if not exists roster_placement_staff on roster_placement (staff_id);
create index if not exists roster_placement_group on roster_placement (group_code);
