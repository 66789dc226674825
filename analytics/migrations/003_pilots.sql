-- 003: the pilot registry. One row per pilot; its target reasons, channels and control
-- reasons are lists (reason paths "L1 > L2 > L3", channel names). Documented in data/README.md.

create sequence pilots_id_seq;
create table pilots (
    pilot_id        integer   primary key default nextval('pilots_id_seq'),
    name            varchar   not null unique,
    hypothesis      varchar,
    owner           varchar,
    status          varchar   not null default 'planned'
        check (status in ('planned', 'running', 'evaluating', 'rolled_out', 'stopped')),
    target_reasons  varchar[] not null check (len(target_reasons) >= 1),
    channels        varchar[] not null default [],
    segment         varchar,
    starts_on       date      not null,
    ends_on         date      not null,
    rollout_on      date,
    control_reasons varchar[] not null default [],
    expected_effect double    check (expected_effect is null or (expected_effect > -1 and expected_effect < 10)),
    created_at      timestamp not null,
    updated_at      timestamp not null,
    check (ends_on >= starts_on),
    check (rollout_on is null or rollout_on > ends_on)
);
