-- 004: daily aggregates of the contacts, kept up to date by every import
-- (analytics.aggregates.refresh_contact_days), so the views that count, sum or average
-- contacts read a few hundred rows a day instead of every contact.
-- contact_days: one row per day x channel x reason path x department.
-- contact_days_detail: the same, also split by product, supplier and segment (for the
-- ratio breakdowns and pilots scoped to a segment; several times more rows).
-- Only additive measures: an average is rebuilt as sum / count. Counts of distinct
-- customers, hours of the day and contact journeys stay on `contacts`.
-- Documented in data/README.md.

create table contact_days (
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

create table contact_days_detail (
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

insert into contact_days_detail
select
    cast(started_at as date)             as day,
    channel, reason_l1, reason_l2, reason_l3, department, product, supplier, segment,
    count(*)                             as contacts,
    sum(handle_seconds)                  as handle_seconds_sum,
    count(handle_seconds)                as handled_contacts,
    sum(wait_seconds)                    as wait_seconds_sum,
    count(wait_seconds)                  as waited_contacts,
    count(*) filter (where resolved)     as resolved_contacts,
    count(resolved)                      as resolution_known,
    sum(csat / nullif(csat_scale, 0))    as csat_pct_sum,
    count(csat / nullif(csat_scale, 0))  as csat_rated
from contacts
group by all
order by day;

-- contact_days is the detail rolled up (one pass over the contacts for both).
insert into contact_days
select
    day, channel, reason_l1, reason_l2, reason_l3, department,
    sum(contacts)::bigint                                                  as contacts,
    sum(handle_seconds_sum)                                                as handle_seconds_sum,
    sum(handled_contacts)::bigint                                          as handled_contacts,
    sum(wait_seconds_sum)                                                  as wait_seconds_sum,
    sum(waited_contacts)::bigint                                           as waited_contacts,
    sum(resolved_contacts)::bigint                                         as resolved_contacts,
    sum(resolution_known)::bigint                                          as resolution_known,
    sum(csat_pct_sum)                                                      as csat_pct_sum,
    sum(csat_rated)::bigint                                                as csat_rated,
    coalesce(sum(contacts) filter (where product is not null), 0)::bigint  as product_known,
    coalesce(sum(contacts) filter (where supplier is not null), 0)::bigint as supplier_known,
    coalesce(sum(contacts) filter (where segment is not null), 0)::bigint  as segment_known
from contact_days_detail
group by all
order by day;
