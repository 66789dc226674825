-- One row per role x reason path x text: the labelled contacts with a text (a path that is
-- neither empty nor in $other_paths) drawn to train the reason model ('training') or to
-- measure it ('held_out'), and how many of them wrote exactly that text (`contacts`).
-- Each reason's contacts are put in a seeded random order (a hash of contact_id and $seed);
-- every fifth of them is held out: a stratified 20%. Training takes the first $per_reason
-- of the other four fifths; the measure takes the first $held_out_fraction of each reason's
-- held-out contacts, a proportional sample, so the reasons keep their shares.
-- Only reasons agents recorded teach the model: a contact an accepted suggestion relabelled
-- (recorded_l1 set) would teach it its own guesses.
-- Invariant: a contact is in one role at most; `contacts` >= 1.
with labelled as (
    select
        contact_id,
        text,
        concat_ws(' > ', nullif(reason_l1, ''), nullif(reason_l2, ''), nullif(reason_l3, '')) as path
    from contacts
    where text is not null and trim(text) <> '' and recorded_l1 is null
),

drawn as (
    select
        text,
        path,
        row_number() over (partition by path order by hash(contact_id, $seed), contact_id) as draw,
        count(*) over (partition by path) as path_contacts
    from labelled
    where path <> '' and not list_contains($other_paths, path)
),

roles as (
    select
        text,
        path,
        case
            when draw % 5 = 0 and draw // 5 <= ceil(path_contacts / 5 * $held_out_fraction) then 'held_out'
            when draw % 5 <> 0 and draw - draw // 5 <= $per_reason then 'training'
        end as role
    from drawn
),

final as (
    select role, path, text, count(*) as contacts
    from roles
    where role is not null
    group by all
)

select * from final order by role, path, text
