-- One row: how many contacts an accepted suggestion moved away from the reason the agent
-- recorded (recorded_l1 set). Zero: the views need not offer "as recorded".
with final as (
    select count(*) as contacts
    from contacts
    where recorded_l1 is not null
)

select * from final
