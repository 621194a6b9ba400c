-- Regions and the countries or sub-regions listed under them, across all reports.
with listed as (
    select * from staging.stg_region_countries
),

final as (
    select
        region,
        country,
        min(position) as position,
        count(distinct report_id) as report_count
    from listed
    group by region, country
    order by region, position, country
)

select * from final
