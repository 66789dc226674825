-- One row per path of the reason tree with the department that owns its cause (null when
-- nobody was named). The weekly report falls back from a path to the level above.
with final as (
    select reason_l1, reason_l2, reason_l3, nullif(trim(department), '') as department
    from reasons
)

select * from final order by reason_l1, reason_l2, reason_l3
