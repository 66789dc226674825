-- One row per driver name in the store (for the contact ratio of a pilot's target).
select distinct driver from drivers order by driver
