-- config(incremental_by='report_id')
-- The segment x region cube before fitting: each cell is segment value x region value / market total (the two
-- splits independent), which matches both margins exactly. Cells a report states (a segment figure for one
-- region) are marked fixed.
with segment_forecast as (
    select * from marts.fct_segment_forecast
),

region_forecast as (
    select * from marts.fct_region_forecast
),

market as (
    select report_id, year, value_usd_m as market_value
    from intermediate.int_market_size
),

segments as (
    select * from segment_forecast
),

regions as (
    select report_id, region as member, year, value_usd_m from region_forecast
),

stated_cells as (
    select report_id, dimension, member, within_region as region, year, value_usd_m, fact_id
    from staging.stg_stated_figures
    where within_region is not null and metric = 'value' and year is not null and value_usd_m is not null
        and value_high_usd_m is null
    qualify row_number() over (
        partition by report_id, dimension, member, within_region, year order by statement_order
    ) = 1
),

final as (
    select
        segments.report_id,
        segments.dimension,
        segments.member,
        regions.member as region,
        segments.year,
        coalesce(stated_cells.value_usd_m, segments.value_usd_m * regions.value_usd_m / market.market_value)
            as value_usd_m,
        stated_cells.value_usd_m is not null as is_stated,
        stated_cells.fact_id,
        segments.value_usd_m as segment_value,
        regions.value_usd_m as region_value
    from segments
    inner join regions using (report_id, year)
    inner join market using (report_id, year)
    left join stated_cells
        on segments.report_id = stated_cells.report_id
        and segments.dimension = stated_cells.dimension
        and segments.member = stated_cells.member
        and regions.member = stated_cells.region
        and segments.year = stated_cells.year
)

select * from final
