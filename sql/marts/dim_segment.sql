-- config(incremental_by='report_id')
-- Segment dimensions and their members, one row per report that lists them, with the report's market. How many
-- reports list a member is a count over its rows.
with members as (
    select * from staging.stg_segment_members
),

markets as (
    select report_id, market_id from intermediate.int_report_markets
),

per_report as (
    select report_id, dimension, member, min(position) as position
    from members
    group by report_id, dimension, member
),

final as (
    select
        per_report.dimension,
        per_report.member,
        per_report.position,
        per_report.report_id,
        markets.market_id
    from per_report
    left join markets using (report_id)
    order by per_report.dimension, per_report.position, per_report.member, per_report.report_id
)

select * from final
