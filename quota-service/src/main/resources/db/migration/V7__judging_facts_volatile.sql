-- A new work log reads its judging facts at the end of the statement that writes its totals (WorkLogService): one
-- round trip for both. That statement's own snapshot is taken before it waits for the windows' locks, so a read with it
-- would miss the work of a writer that held them, and it cannot see the totals the statement itself writes. A VOLATILE
-- function takes a new snapshot for each query it runs, after its calling statement's writes so far: run after the
-- locks are held and the totals written, it reads every earlier writer's committed work and this one's.
alter function judging_facts(bigint[], bigint[], date, date, varchar[], date[], date, date) volatile;
