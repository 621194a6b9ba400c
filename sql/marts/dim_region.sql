-- config(incremental_by='report_id')
-- Regions and the countries or sub-regions listed under them, one row per report that lists them, with the
-- report's market. How many reports list a pair is a count over its rows (no column holds it: a report added or
-- removed would otherwise rewrite every row of the pairs it lists).
with listed as (
    select * from staging.stg_region_countries
),

markets as (
    select report_id, market_id from intermediate.int_report_markets
),

per_report as (
    select report_id, region, country, min(position) as position
    from listed
    group by report_id, region, country
),

final as (
    select
        per_report.region,
        per_report.country,
        per_report.position,
        per_report.report_id,
        markets.market_id
    from per_report
    left join markets using (report_id)
    order by per_report.region, per_report.position, per_report.country, per_report.report_id
)

select * from final
