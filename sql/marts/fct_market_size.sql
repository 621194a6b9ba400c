-- config(incremental_by='report_id')
-- Market size for every year from the base year to the forecast end: stated values exactly, geometric
-- interpolation between them, and the stated CAGR beyond them.
with market_size as (
    select * from intermediate.int_market_size
),

final as (
    select report_id, year, value_usd_m, basis, method, fact_ids
    from market_size
    order by report_id, year
)

select * from final
