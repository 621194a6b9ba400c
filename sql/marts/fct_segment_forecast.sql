-- Every segment member of every dimension, every year from the base year to the forecast end, adding up to the
-- market total in each dimension and year; basis says whether a value is stated, derived or estimated.
with forecast as (
    select * from intermediate.int_member_forecast
    where dimension <> 'region'
),

final as (
    select report_id, dimension, member, year, value_usd_m, share_pct, basis, method, fact_ids
    from forecast
    order by report_id, dimension, position, year
)

select * from final
