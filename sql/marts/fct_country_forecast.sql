-- Country values, only where an analyst supplies country weights (raw/tables/country_weights.csv): each
-- region's forecast split among the weighted countries of that region in proportion to their weights.
-- Without weights there are no rows: country figures are never invented.
with regions as (
    select report_id, region as member, year, value_usd_m from marts.fct_region_forecast
),

listed_countries as (
    select distinct report_id, region, country from staging.stg_region_countries
    where country is not null
),

weights as (
    select * from staging.stg_forecast_weights
    where level = 'country'
),

weighted_countries as (
    select
        listed_countries.report_id,
        listed_countries.region,
        listed_countries.country,
        coalesce(for_report.weight, for_every_report.weight) as weight,
        coalesce(
            for_report.source_file || ':' || for_report.line,
            for_every_report.source_file || ':' || for_every_report.line
        ) as weight_source
    from listed_countries
    left join weights as for_report
        on listed_countries.report_id = for_report.report_id
        and lower(listed_countries.region) = lower(for_report.parent)
        and lower(listed_countries.country) = lower(for_report.member)
    left join weights as for_every_report
        on for_every_report.report_id is null
        and lower(listed_countries.region) = lower(for_every_report.parent)
        and lower(listed_countries.country) = lower(for_every_report.member)
    where coalesce(for_report.weight, for_every_report.weight) is not null
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
