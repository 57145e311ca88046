-- Everyone who was ever lead or assistant of a project, kept after they leave it: none of them may evaluate it.
create table project_member_history (
    project_id  bigint  not null references project (id) on delete cascade,
    staff_id    bigint  not null,
    primary key (project_id, staff_id)
);

-- Back-filled from what is known: the current lead and assistants, the owners of actions (an owner was the lead or an
-- assistant when the action was given to them) and the members who got a share at a settlement.
insert into project_member_history (project_id, staff_id)
select id, lead_id from project
union select project_id, staff_id from project_assistant
union select project_id, owner_id from project_action
union select project_id, staff_id from member_share;
