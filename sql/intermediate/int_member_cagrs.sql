-- config(incremental_by='report_id')
-- The growth rate a report states for a member (its first CAGR statement), with the period it covers.
with figures as (
    select * from staging.stg_stated_figures
    where scope in ('region', 'segment') and metric = 'cagr' and pct_high is null and within_region is null
        and period_start_year is not null and period_end_year is not null
),

members as (
    select * from intermediate.int_forecast_members
),

final as (
    select
        figures.report_id,
        figures.dimension,
        figures.member,
        figures.pct as cagr_pct,
        figures.period_start_year,
        figures.period_end_year,
        figures.fact_id
    from figures
    semi join members
        on figures.report_id = members.report_id
        and figures.dimension = members.dimension
        and figures.member = members.member
    qualify row_number() over (partition by figures.report_id, figures.dimension, figures.member order by statement_order) = 1
)

select * from final
