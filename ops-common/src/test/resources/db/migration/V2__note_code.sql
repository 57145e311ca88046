-- A unique column, so that a duplicate detected only at commit can be tested.
alter table note add column code varchar(20);
alter table note add constraint note_code_unique unique (code);
