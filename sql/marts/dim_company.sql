-- config(incremental_by='report_id')
-- Key companies, one row per report that names them, with the report's market. How many reports name a company
-- is a count over its rows.
with companies as (
    select * from staging.stg_companies
),

markets as (
    select report_id, market_id from intermediate.int_report_markets
),

per_report as (
    select report_id, company, min(position) as position
    from companies
    group by report_id, company
),

final as (
    select
        per_report.company,
        per_report.position,
        per_report.report_id,
        markets.market_id
    from per_report
    left join markets using (report_id)
    order by per_report.position, per_report.company, per_report.report_id
)

select * from final
