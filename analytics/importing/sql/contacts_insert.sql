-- Insert the staged contacts that are new: valid, the first of their contact_id in the
-- file (``_import_repeats`` holds the first row of each repeated id), and not yet stored
-- (only stored ids within $first_id..$last_id can match, see contacts_duplicates). Rows
-- go in in file order (the joins do not keep it, hence the sort; an import without
-- duplicates uses contacts_insert_all instead). Returns the inserted count.
insert into contacts (
    contact_id, started_at, channel, reason_l1, reason_l2, reason_l3, customer_id, order_id,
    department, product, supplier, segment, handle_seconds, wait_seconds, resolved, csat,
    csat_scale, import_id, text
)
with final as (
    select
        s.contact_id, s.started_at, s.channel, s.reason_l1, s.reason_l2, s.reason_l3,
        s.customer_id, s.order_id, s.department, s.product, s.supplier, s.segment,
        s.handle_seconds, s.wait_seconds, s.resolved, s.csat, s.csat_scale,
        $import_id as import_id, s.text
    from _import_rows as s
    anti join _import_repeats as r
        on r.contact_id = s.contact_id and r.first_row <> s.rowid
    anti join (
        select contact_id from contacts where contact_id between $first_id and $last_id
    ) as c
        on c.contact_id = s.contact_id
    where s.reject_reason is null
    order by s.rowid
)

select * from final
