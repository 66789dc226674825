-- One audit row (analytics.audit.record), written inside the change's own transaction.
insert into audit_log (logged_at, actor_name, actor_role, action, target, before_json, after_json)
values ($logged_at, $actor_name, $actor_role, $action, $target, $before_json, $after_json)
