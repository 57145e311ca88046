-- Judging reads an item's stored judgements of the windows around a change on every write; without this index the
-- read scans every judgement ever stored.
create index attainment_state_item_window on attainment_state (item_id, window_start);
