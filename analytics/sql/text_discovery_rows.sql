-- One row per contact with a text in the last $days days of data (up to the last contact's
-- day): its day, reason path (levels joined with " > ", empty levels left out) and text.
-- Contacts under an empty path or one of $other_paths (what discovery clusters): at most
-- $max_other of them, drawn at random with $seed, evenly over the days, so every day keeps
-- its share. Contacts of every other path (what a candidate is compared with): the first
-- $per_reason of each in the same seeded order.
-- `other_contacts`: how many such contacts the window holds in all (the same on every row).
-- Invariant: no duplicate contact_id.
with last_contact as (
    select cast(max(started_at) as date) as last_day from contacts where text is not null
),

recent as (
    select
        contact_id,
        cast(started_at as date) as day,
        concat_ws(' > ', nullif(reason_l1, ''), nullif(reason_l2, ''), nullif(reason_l3, '')) as path,
        text
    from contacts
    where text is not null and trim(text) <> ''
      and started_at >= (select last_day from last_contact) - to_days(cast($days as integer) - 1)
),

drawn as (
    select
        *,
        path = '' or list_contains($other_paths, path) as is_other,
        row_number() over (partition by path order by hash(contact_id, $seed), contact_id) as draw_in_path,
        hash(contact_id, $seed) % 1000000 / 1000000.0 as lot
    from recent
),

other_count as (
    select count(*) as other_contacts from drawn where is_other
),

final as (
    select contact_id, day, path, text, (select other_contacts from other_count) as other_contacts
    from drawn
    where (is_other and lot < $max_other / greatest((select other_contacts from other_count), 1))
       or (not is_other and draw_in_path <= $per_reason)
)

select * from final order by day, contact_id
