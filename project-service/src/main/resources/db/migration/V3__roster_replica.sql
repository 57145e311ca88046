-- The roster copy is ops-common's replica now (com.wuaigou.ops.common.roster), the shape quota-service's copy always
-- had: post, status and hire dates, the group's Chinese name and core flag, and the placement history. Rows already
-- here keep what they hold; the new columns fill with each person's or group's next snapshot, or at once with
-- POST /api/v1/admin/roster/rebuild. Written so that it changes nothing where the replica's own script ran first.
alter table roster_staff
    add column if not exists post_code     varchar(60),
    add column if not exists status_since  date,
    add column if not exists hire_date     date;

alter table roster_group
    add column if not exists name_zh  varchar(200),
    add column if not exists core     boolean not null default false;

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
