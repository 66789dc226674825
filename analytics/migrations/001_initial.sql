-- 001: the contact store's first shape.
-- Every table and column is documented in data/README.md.

create table channels (
    channel          varchar primary key,
    channel_group    varchar not null
        check (channel_group in ('voice', 'chat', 'written', 'personal', 'other')),
    cost_per_contact double check (cost_per_contact is null or cost_per_contact >= 0)
);

create table reasons (
    reason_l1   varchar not null,
    reason_l2   varchar not null default '',
    reason_l3   varchar not null default '',
    department  varchar,
    value_class varchar
        check (value_class is null
               or value_class in ('valuable', 'avoidable', 'automatable', 'no_value')),
    primary key (reason_l1, reason_l2, reason_l3)
);

-- contact_id is unique: the importer de-duplicates against this table in the same
-- transaction as the insert (an index on 20M text keys would cost more than it guards).
create table contacts (
    contact_id     varchar   not null,
    started_at     timestamp not null,
    channel        varchar   not null,
    reason_l1      varchar   not null,
    reason_l2      varchar   not null default '',
    reason_l3      varchar   not null default '',
    customer_id    varchar,
    order_id       varchar,
    department     varchar,
    product        varchar,
    supplier       varchar,
    segment        varchar,
    handle_seconds double,
    wait_seconds   double,
    resolved       boolean,
    csat           double,
    csat_scale     double,
    import_id      integer
);

create table drivers (
    day             date    not null,
    driver          varchar not null,
    value           double  not null,
    dimension       varchar not null default '',
    dimension_value varchar not null default '',
    import_id       integer,
    primary key (day, driver, dimension, dimension_value)
);

create sequence events_id_seq;
create table events (
    event_id  integer primary key default nextval('events_id_seq'),
    name      varchar not null,
    kind      varchar not null check (kind in ('campaign', 'holiday', 'outage', 'other')),
    starts_on date    not null,
    ends_on   date    not null,
    foreseen  boolean not null,
    reason_l1 varchar,
    reason_l2 varchar,
    reason_l3 varchar,
    channel   varchar,
    note      varchar,
    check (ends_on >= starts_on)
);

create sequence import_log_id_seq;
create table import_log (
    import_id    integer primary key default nextval('import_log_id_seq'),
    kind         varchar   not null,
    file_name    varchar   not null,
    file_sha256  varchar,
    profile      varchar,
    rows_read    bigint    not null,
    inserted     bigint    not null,
    duplicates   bigint    not null,
    rejected     bigint    not null,
    imported_by  varchar,
    started_at   timestamp not null,
    finished_at  timestamp not null
);

create table mapping_profiles (
    name       varchar primary key,
    kind       varchar   not null check (kind in ('contacts', 'drivers')),
    settings   json      not null,
    updated_at timestamp not null
);

-- One row: bumped by every write, so cached query results know when to refresh.
create table store_meta (
    data_version bigint    not null,
    changed_at   timestamp not null
);
insert into store_meta values (0, current_timestamp);
