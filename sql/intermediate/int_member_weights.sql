-- config(incremental_by='report_id')
-- The weight each member gets when a report leaves its share open: an analyst's weight, else 1 (equal shares).
with resolved as (
    select * from intermediate.int_resolved_weights
    where level in ('segment', 'region')
),

final as (
    select report_id, dimension, member, coalesce(weight, 1.0) as weight, weight_source
    from resolved
)

select * from final
