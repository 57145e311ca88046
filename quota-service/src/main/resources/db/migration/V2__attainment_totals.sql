-- Running totals that attainment is read and judged from, kept in the transaction of every log and correction, so
-- neither a write nor a read ever scans a window's logs.

-- Per person, item and day: every log crediting the person (as its subject or crew member) counts whole.
create table person_item_day (
    staff_id          bigint          not null,
    item_id           bigint          not null,
    work_date         date            not null,
    logs              integer         not null,
    quantity          numeric(18, 2)  not null,
    logged_minutes    bigint          not null,
    credited_minutes  bigint          not null,
    primary key (staff_id, work_date, item_id)
);
create index person_item_day_date on person_item_day (work_date);

-- Per item and day, the group's figure: a joint log counts once, its credited minutes once per crew member.
create table item_day (
    item_id           bigint          not null,
    work_date         date            not null,
    logs              integer         not null,
    quantity          numeric(18, 2)  not null,
    logged_minutes    bigint          not null,
    credited_minutes  bigint          not null,
    primary key (item_id, work_date)
);

-- Who covered which slot of a coverage item on a day, with how many logs (a slot counts while logs > 0).
create table slot_cover (
    item_id    bigint       not null,
    work_date  date         not null,
    slot       varchar(40)  not null,
    staff_id   bigint       not null,
    logs       integer      not null,
    primary key (item_id, work_date, slot, staff_id)
);

-- Recounts every total from the logs: fills them here, and repairs them if logs were ever loaded around the service
-- (select rebuild_attainment_totals()). The same arithmetic as quota-service's Contribution.
create function rebuild_attainment_totals() returns void language sql as $$
    delete from person_item_day;
    delete from item_day;
    delete from slot_cover;

    insert into person_item_day (staff_id, item_id, work_date, logs, quantity, logged_minutes, credited_minutes)
    select c.staff_id, l.item_id, l.work_date, count(*), sum(l.quantity), sum(coalesce(l.minutes, 0)),
           sum(case when i.shape = 'STANDARD_TIME' and i.std_minutes is not null
                    then round(l.quantity * i.std_minutes) else coalesce(l.minutes, 0) end)
    from work_log l
    join quota_item i on i.id = l.item_id
    join work_log_crew c on c.work_log_id = l.id
    group by c.staff_id, l.item_id, l.work_date;

    insert into item_day (item_id, work_date, logs, quantity, logged_minutes, credited_minutes)
    select l.item_id, l.work_date, count(*), sum(l.quantity), sum(coalesce(l.minutes, 0)),
           sum(case when i.shape = 'STANDARD_TIME' and i.std_minutes is not null
                    then round(l.quantity * i.std_minutes) else coalesce(l.minutes, 0) end
               * (select count(*) from work_log_crew c where c.work_log_id = l.id))
    from work_log l
    join quota_item i on i.id = l.item_id
    group by l.item_id, l.work_date;

    insert into slot_cover (item_id, work_date, slot, staff_id, logs)
    select l.item_id, l.work_date, l.slot, c.staff_id, count(*)
    from work_log l
    join work_log_crew c on c.work_log_id = l.id
    where l.slot is not null
    group by l.item_id, l.work_date, l.slot, c.staff_id;
$$;

select rebuild_attainment_totals();
