-- Insert the staged contacts that are new: valid, the first of their contact_id in the
-- file (lowest rowid = earliest row), and not yet stored. Returns the inserted count.
insert into contacts (
    contact_id, started_at, channel, reason_l1, reason_l2, reason_l3, customer_id, order_id,
    department, product, supplier, segment, handle_seconds, wait_seconds, resolved, csat,
    csat_scale, import_id
)
with first_rows as (
    select min(rowid) as first_row
    from _import_rows
    where reject_reason is null
    group by contact_id
),

final as (
    select
        s.contact_id, s.started_at, s.channel, s.reason_l1, s.reason_l2, s.reason_l3,
        s.customer_id, s.order_id, s.department, s.product, s.supplier, s.segment,
        s.handle_seconds, s.wait_seconds, s.resolved, s.csat, s.csat_scale,
        $import_id as import_id
    from _import_rows as s
    where s.rowid in (select first_row from first_rows)
      and s.contact_id not in (select contact_id from contacts)
)

select * from final
