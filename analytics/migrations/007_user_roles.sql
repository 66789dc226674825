-- 007: roles given to people by an admin on the Data page (analytics.user_roles).
-- One row per user name (an e-mail address as the identity provider or the [users] table
-- gives it, stored lower-case). A row here beats every other source of a role: the
-- secrets file's [roles], the identity token's roles claim and default_role.

create table user_roles (
    user_name   varchar   primary key,
    role        varchar   not null check (role in ('viewer', 'editor', 'admin')),
    changed_at  timestamp not null,
    changed_by  varchar   not null
);
