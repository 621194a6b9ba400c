-- config(incremental_by='market_id')
-- Per market and year: what the publishers' latest editions say together. consensus_usd_m follows the rule in
-- method (stated values outweigh model-filled ones when at least 3 sources state the year); the quartiles, range
-- and spread show how far the sources disagree; report_ids lists every value counted.
with consensus as (
    select * from intermediate.int_market_year_consensus
),

final as (
    select
        market_id,
        year,
        reports,
        publishers,
        consensus_usd_m,
        method,
        median_usd_m,
        min_usd_m,
        max_usd_m,
        q1_usd_m,
        q3_usd_m,
        q3_usd_m - q1_usd_m as iqr_usd_m,
        max_usd_m / nullif(min_usd_m, 0) as spread,
        stated,
        interpolated,
        extrapolated,
        report_ids
    from consensus
    order by market_id, year
)

select * from final
