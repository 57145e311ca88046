-- Everything judging reads of some items between two dates, as one JSON document (JudgingFacts): the items and their
-- numbers, the group's and the people's day totals, slot covers, the stored judgements of the windows, the
-- assignments and the calendar's exceptions. A null staff_ids reads everyone's.
--
-- Every work log calls it, and planned anew on each call the statement cost PostgreSQL more to plan than to run. Inside
-- a function it is planned once per connection (a generic plan), and that plan must not depend on the statistics of
-- the moment it is made: a plan made while the month is empty is still used when the month holds 50,000 logs. So
-- every part is written to match an index (the windows' start days given as `window_start = any(...)`, not only
-- inside an unnest the planner cannot see into) and sequential scans are ruled out, so each part reads only the rows
-- asked for whatever the tables held when it was planned.
--
-- A people's day totals index on the day alone let a plan made while the table was empty read everyone's totals of
-- the whole month for one person (17,000 rows for 31 in a month of 50,000 logs). Keyed by item and day instead, the
-- worst a plan can pick reads the item's month: at most its people times its days, however many logs they hold.
drop index person_item_day_date;
create index person_item_day_item on person_item_day (item_id, work_date);

create function judging_facts(item_ids bigint[], staff_ids bigint[], first_day date, last_day date,
                              window_kinds varchar[], window_starts date[], calendar_from date, calendar_to date)
    returns text
    language plpgsql
    stable
    set plan_cache_mode = force_generic_plan
    set enable_seqscan = off
as
$$
begin
    return cast(json_build_object(
        'items', (select coalesce(json_agg(json_build_array(id, code, group_code, shape, period, unit, std_minutes,
                        slots, retired_on)), '[]')
                  from quota_item
                  where id = any (item_ids)),
        'targets', (select coalesce(json_agg(json_build_array(item_id, effective_from, target_min, target_max)), '[]')
                    from quota_target
                    where item_id = any (item_ids)),
        'itemDays', (select coalesce(json_agg(json_build_array(item_id, work_date, logs, quantity, logged_minutes,
                        credited_minutes)), '[]')
                     from item_day
                     where item_id = any (item_ids) and work_date between first_day and last_day and logs > 0),
        -- Each arm its own subquery, so that each is planned with the index that fits it.
        'personDays', case
            when staff_ids is null then
                (select coalesce(json_agg(json_build_array(staff_id, json_build_array(item_id, work_date, logs,
                        quantity, logged_minutes, credited_minutes))), '[]')
                 from person_item_day
                 where item_id = any (item_ids) and work_date between first_day and last_day and logs > 0)
            else
                (select coalesce(json_agg(json_build_array(staff_id, json_build_array(item_id, work_date, logs,
                        quantity, logged_minutes, credited_minutes))), '[]')
                 from person_item_day
                 where staff_id = any (staff_ids) and item_id = any (item_ids)
                   and work_date between first_day and last_day and logs > 0)
            end,
        'covers', (select coalesce(json_agg(json_build_array(c.item_id, c.work_date, c.slot, c.staff_id)), '[]')
                   from slot_cover c
                            join quota_item i on i.id = c.item_id and i.shape = 'COVERAGE'
                   where c.item_id = any (item_ids) and c.work_date between first_day and last_day and c.logs > 0),
        'states', (select coalesce(json_agg(json_build_array(item_id, subject_type, subject_id, window_kind,
                        window_start, met)), '[]')
                   from attainment_state
                   where item_id = any (item_ids)
                     and window_start = any (window_starts)
                     and (window_kind, window_start) in (select * from unnest(window_kinds, window_starts))
                     and (staff_ids is null or subject_type = 'GROUP'
                       or subject_id = any (cast(staff_ids as varchar[])))),
        'assignments', case
            when staff_ids is null then
                (select coalesce(json_agg(json_build_array(item_id, staff_id, valid_from, valid_to, share_min,
                        share_max)), '[]')
                 from assignment
                 where item_id = any (item_ids)
                   and valid_from <= last_day and (valid_to is null or valid_to >= first_day))
            else
                (select coalesce(json_agg(json_build_array(item_id, staff_id, valid_from, valid_to, share_min,
                        share_max)), '[]')
                 from assignment
                 where staff_id = any (staff_ids) and item_id = any (item_ids))
            end,
        'calendar', (select coalesce(json_agg(json_build_array(day, kind)), '[]')
                     from calendar_day
                     where day between calendar_from and calendar_to)
        ) as text);
end
$$;
