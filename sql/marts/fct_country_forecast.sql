-- config(incremental_by='report_id')
-- Country values, only where an analyst supplies country weights (raw/tables/country_weights.csv): each
-- region's forecast split among the weighted countries of that region in proportion to their weights.
-- Without weights there are no rows: country figures are never invented.
with regions as (
    select report_id, region as member, year, value_usd_m from marts.fct_region_forecast
),

weighted_countries as (
    select report_id, parent as region, member as country, weight, weight_source
    from intermediate.int_resolved_weights
    where level = 'country' and weight is not null
),

final as (
    select
        regions.report_id,
        regions.member as region,
        weighted_countries.country,
        regions.year,
        regions.value_usd_m * weighted_countries.weight
        / sum(weighted_countries.weight) over (partition by regions.report_id, regions.member, regions.year)
            as value_usd_m,
        'estimated' as basis,
        regions.member || ' x weight ' || weighted_countries.weight || ' / '
        || sum(weighted_countries.weight) over (partition by regions.report_id, regions.member, regions.year)
        || ' (' || weighted_countries.weight_source || ')' as method
    from regions
    inner join weighted_countries
        on regions.report_id = weighted_countries.report_id and regions.member = weighted_countries.region
    order by regions.report_id, regions.member, weighted_countries.country, regions.year
)

select * from final
