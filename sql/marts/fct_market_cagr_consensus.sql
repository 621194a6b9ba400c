-- config(incremental_by='market_id')
-- Per market and CAGR period: the growth rate each consensus source gives over a period that some source states a
-- market CAGR for. A source that states a CAGR for exactly that period counts with it; any other source whose
-- series covers both years counts with the rate its series implies, (end / start)^(1 / years) - 1.
with estimates as (
    select * from intermediate.int_market_estimates
    where in_consensus
),

stated_cagrs as (
    select report_id, period_start_year, period_end_year, pct
    from staging.stg_stated_figures
    where scope = 'market' and metric = 'cagr' and pct_high is null
        and period_start_year is not null and period_end_year is not null
    qualify row_number() over (
        partition by report_id, period_start_year, period_end_year order by statement_order
    ) = 1
),

periods as (
    select distinct sources.market_id, stated_cagrs.period_start_year, stated_cagrs.period_end_year
    from stated_cagrs
    inner join (select distinct market_id, report_id from estimates) as sources using (report_id)
),

source_rates as (
    select
        periods.market_id,
        periods.period_start_year,
        periods.period_end_year,
        starts.report_id,
        starts.publisher_key,
        stated_cagrs.pct is not null as is_stated,
        coalesce(
            stated_cagrs.pct,
            100 * (power(ends.value_usd_m / starts.value_usd_m,
                1.0 / (periods.period_end_year - periods.period_start_year)) - 1)
        ) as cagr_pct
    from periods
    inner join estimates as starts
        on starts.market_id = periods.market_id and starts.year = periods.period_start_year
    inner join estimates as ends
        on ends.report_id = starts.report_id and ends.year = periods.period_end_year
    left join stated_cagrs
        on stated_cagrs.report_id = starts.report_id
        and stated_cagrs.period_start_year = periods.period_start_year
        and stated_cagrs.period_end_year = periods.period_end_year
),

final as (
    select
        market_id,
        period_start_year,
        period_end_year,
        count(*) as reports,
        count(distinct publisher_key) as publishers,
        median(cagr_pct) as median_pct,
        min(cagr_pct) as min_pct,
        max(cagr_pct) as max_pct,
        quantile_cont(cagr_pct, 0.25) as q1_pct,
        quantile_cont(cagr_pct, 0.75) as q3_pct,
        quantile_cont(cagr_pct, 0.75) - quantile_cont(cagr_pct, 0.25) as iqr_pct,
        count(*) filter (where is_stated) as stated,
        count(*) filter (where not is_stated) as implied,
        string_agg(report_id, ',' order by report_id) as report_ids
    from source_rates
    group by market_id, period_start_year, period_end_year
    order by market_id, period_start_year, period_end_year
)

select * from final
