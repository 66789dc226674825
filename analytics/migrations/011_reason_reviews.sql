-- 011: suggested reasons reviewed by an editor (analytics.text_reasons.review). Nothing is
-- relabelled silently: accepting a suggestion moves the contact to the suggested reason and
-- keeps the reason the agent recorded in recorded_l1..l3 (null while the contact was never
-- relabelled; the three are set and cleared together), so every view can count the reasons
-- "as recorded" or "with accepted suggestions", and an undo puts the recorded reason back.
-- In Parquet mode the store's definition of the contacts table gains the columns and the
-- view reads them as null (analytics.store); suggestions cannot be accepted there.

alter table contacts add column recorded_l1 varchar;
alter table contacts add column recorded_l2 varchar;
alter table contacts add column recorded_l3 varchar;

-- One row per decision on one contact's suggestion: 'accepted', 'rejected' (not offered
-- again for that suggested reason) or 'undone' (an accepted one put back). batch_id groups
-- the rows of one accept, reject or undo; a contact's latest row (highest batch_id) is its
-- standing decision. Paths are the levels joined with ' > ', empty levels left out.
create sequence reason_review_batch_seq start 1;

create table reason_reviews (
    batch_id       bigint    not null,
    contact_id     varchar   not null,
    recorded_path  varchar   not null,
    suggested_path varchar   not null,
    confidence     double,
    decision       varchar   not null check (decision in ('accepted', 'rejected', 'undone')),
    decided_by     varchar   not null,
    decided_at     timestamp not null
);

-- What turns the daily aggregates (which count the reasons with the accepted suggestions)
-- into the reasons as recorded: per key, the relabelled contacts' measures under the
-- recorded reason minus their measures under the accepted one. Same columns as contact_days
-- and contact_days_detail; kept by analytics.aggregates with them; added by the shared
-- includes (_filtered_days.sql, _filtered_days_detail.sql) when $reasons_as_recorded.
-- Empty while no suggestion is accepted.
create table contact_days_recorded_delta (
    day                date    not null,
    channel            varchar not null,
    reason_l1          varchar not null,
    reason_l2          varchar not null,
    reason_l3          varchar not null,
    department         varchar,
    contacts           bigint  not null,
    handle_seconds_sum double,
    handled_contacts   bigint  not null,
    wait_seconds_sum   double,
    waited_contacts    bigint  not null,
    resolved_contacts  bigint  not null,
    resolution_known   bigint  not null,
    csat_pct_sum       double,
    csat_rated         bigint  not null,
    product_known      bigint  not null,
    supplier_known     bigint  not null,
    segment_known      bigint  not null
);

create table contact_days_detail_recorded_delta (
    day                date    not null,
    channel            varchar not null,
    reason_l1          varchar not null,
    reason_l2          varchar not null,
    reason_l3          varchar not null,
    department         varchar,
    product            varchar,
    supplier           varchar,
    segment            varchar,
    contacts           bigint  not null,
    handle_seconds_sum double,
    handled_contacts   bigint  not null,
    wait_seconds_sum   double,
    waited_contacts    bigint  not null,
    resolved_contacts  bigint  not null,
    resolution_known   bigint  not null,
    csat_pct_sum       double,
    csat_rated         bigint  not null
);
