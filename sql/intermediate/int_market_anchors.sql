-- config(incremental_by='report_id')
-- The stated market totals a report's series is pinned to, one per year (the first statement of a year wins;
-- a second, different statement of the same year shows in audit_consistency), and the market CAGR used
-- beyond them.
with figures as (
    select * from staging.stg_stated_figures
    where scope = 'market'
),

stated_values as (
    select report_id, year, value_usd_m, fact_id
    from figures
    where metric = 'value' and year is not null and value_usd_m is not null and value_high_usd_m is null
    qualify row_number() over (partition by report_id, year order by statement_order) = 1
),

market_cagr as (
    select report_id, pct as cagr_pct, period_start_year, period_end_year, fact_id as cagr_fact_id
    from figures
    where metric = 'cagr' and pct_high is null and period_start_year is not null and period_end_year is not null
    qualify row_number() over (
        partition by report_id order by period_end_year - period_start_year desc, statement_order
    ) = 1
),

final as (
    select
        stated_values.report_id,
        stated_values.year,
        stated_values.value_usd_m,
        stated_values.fact_id,
        market_cagr.cagr_pct,
        market_cagr.cagr_fact_id
    from stated_values
    left join market_cagr using (report_id)
)

select * from final
