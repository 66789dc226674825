-- 006: the audit log (analytics.audit): one row per change anybody made to the store.
-- Written inside the same transaction as the change, so a change that is rolled back leaves
-- no row and a row means the change was committed. `actor_name`/`actor_role` say who acted
-- (the signed-in user, or cli:<user> on the command line); `action` is a dotted name
-- ("pilot.update"); `target` what was changed (a pilot's name, a file name); `before_json`
-- and `after_json` are JSON text (null for nothing: before an add, after a delete).

create sequence audit_log_id_seq start 1;

create table audit_log (
    entry_id     bigint    primary key default nextval('audit_log_id_seq'),
    logged_at    timestamp not null,
    actor_name   varchar   not null,
    actor_role   varchar   not null,
    action       varchar   not null,
    target       varchar,
    before_json  varchar,
    after_json   varchar
);
