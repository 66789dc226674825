-- Insert every valid staged contact: the import found no duplicates (none repeated in the
-- file, none stored), so nothing is left out. Without a join the rows keep file order at
-- no cost: a file sorted by time is stored sorted, which keeps period filters quick.
-- Returns the inserted count.
insert into contacts (
    contact_id, started_at, channel, reason_l1, reason_l2, reason_l3, customer_id, order_id,
    department, product, supplier, segment, handle_seconds, wait_seconds, resolved, csat,
    csat_scale, import_id, text
)
with final as (
    select
        contact_id, started_at, channel, reason_l1, reason_l2, reason_l3,
        customer_id, order_id, department, product, supplier, segment,
        handle_seconds, wait_seconds, resolved, csat, csat_scale,
        $import_id as import_id, text
    from _import_rows
    where reject_reason is null
)

select * from final
