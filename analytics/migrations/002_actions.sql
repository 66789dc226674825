-- 002: the actions list of the weekly feedback loop.
-- One row per action on a contact reason at any level ('' for the unused lower levels),
-- owned by the department that owns the cause. Documented in data/README.md.

create sequence actions_id_seq;
create table actions (
    action_id        integer   primary key default nextval('actions_id_seq'),
    reason_l1        varchar   not null,
    reason_l2        varchar   not null default '',
    reason_l3        varchar   not null default '',
    action           varchar   not null check (length(trim(action)) > 0),
    owner_department varchar,
    due_on           date,
    status           varchar   not null default 'open'
        check (status in ('open', 'in_progress', 'done', 'dropped')),
    note             varchar,
    created_at       timestamp not null default current_timestamp,
    updated_at       timestamp not null default current_timestamp,
    check (reason_l3 = '' or reason_l2 <> '')
);
