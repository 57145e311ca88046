-- At most one active lock per group and window. Two requests locking the same period at once both passed the
-- service's check and both locked it; now the second insert waits for the first and fails on this index (409).
-- Locks taken twice before are set aside first, keeping the newest, which is the one the scorecard kept too.
update period_lock duplicate
set reopened_at   = now(),
    reopen_reason = 'Duplicate of lock ' || newest.id || ', taken at the same time; set aside by migration V3'
from (select group_code, window_kind, start_date, max(id) as id
      from period_lock
      where reopened_at is null
      group by group_code, window_kind, start_date
      having count(*) > 1) newest
where duplicate.reopened_at is null
  and duplicate.group_code = newest.group_code
  and duplicate.window_kind = newest.window_kind
  and duplicate.start_date = newest.start_date
  and duplicate.id <> newest.id;

create unique index period_lock_one_active on period_lock (group_code, window_kind, start_date)
    where reopened_at is null;
