-- config(incremental_by='market_id')
-- Per market and year, the spread of the consensus sources' values (int_market_estimates.in_consensus), and the
-- consensus value itself: the median of the stated values when at least 3 sources state that year, else the
-- median of every source's value, stated or model-filled (interpolated, extrapolated). method says which.
with estimates as (
    select * from intermediate.int_market_estimates
    where in_consensus
),

stats as (
    select
        market_id,
        year,
        count(*) as reports,
        count(distinct publisher_key) as publishers,
        median(value_usd_m) as median_usd_m,
        min(value_usd_m) as min_usd_m,
        max(value_usd_m) as max_usd_m,
        quantile_cont(value_usd_m, 0.25) as q1_usd_m,
        quantile_cont(value_usd_m, 0.75) as q3_usd_m,
        count(*) filter (where basis = 'reported') as stated,
        count(*) filter (where basis = 'interpolated') as interpolated,
        count(*) filter (where basis = 'extrapolated') as extrapolated,
        median(value_usd_m) filter (where basis = 'reported') as stated_median_usd_m,
        string_agg(report_id, ',' order by report_id) as report_ids
    from estimates
    group by market_id, year
),

deviations as (
    select estimates.market_id, estimates.year, median(abs(estimates.value_usd_m - stats.median_usd_m)) as mad_usd_m
    from estimates
    inner join stats using (market_id, year)
    group by estimates.market_id, estimates.year
),

final as (
    select
        stats.*,
        deviations.mad_usd_m,
        case when stats.stated >= 3 then stats.stated_median_usd_m else stats.median_usd_m end as consensus_usd_m,
        case
            when stats.stated >= 3 then 'median of the ' || stats.stated || ' stated values'
            when stats.reports = 1
                then 'the only source''s value (' || case when stats.stated = 1 then 'stated' else 'model-filled' end
                    || ')'
            else 'median of all ' || stats.reports || ' values (' || stats.stated || ' stated, '
                || (stats.interpolated + stats.extrapolated) || ' model-filled): fewer than 3 sources state '
                || stats.year
        end as method
    from stats
    inner join deviations using (market_id, year)
)

select * from final
