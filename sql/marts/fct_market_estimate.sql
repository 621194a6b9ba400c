-- config(incremental_by='market_id')
-- Every report's value for its market and year, in USD million, beside that year's consensus. A value is an
-- outlier when it lies outside the median +/- 3 scaled MADs (1.4826 x the median absolute deviation, at least 1% of
-- the median) where 5 or more sources give the year, or more than a factor of 2 from the median where 3 or 4 do;
-- with fewer than 3 sources nothing is called an outlier.
with estimates as (
    select * from intermediate.int_market_estimates
),

consensus as (
    select * from intermediate.int_market_year_consensus
),

compared as (
    select
        estimates.*,
        consensus.consensus_usd_m,
        consensus.median_usd_m,
        consensus.reports as consensus_reports,
        greatest(1.4826 * consensus.mad_usd_m, 0.01 * consensus.median_usd_m) as scaled_mad_usd_m
    from estimates
    left join consensus using (market_id, year)
),

final as (
    select
        market_id,
        year,
        report_id,
        publisher,
        edition,
        is_latest_edition,
        in_consensus,
        released_month,
        base_year,
        value_usd_m,
        currency,
        fx_usd_per_unit,
        basis,
        method,
        fact_ids,
        consensus_usd_m,
        100 * (value_usd_m / nullif(consensus_usd_m, 0) - 1) as distance_pct,
        coalesce(case
            when consensus_reports >= 5 then abs(value_usd_m - median_usd_m) > 3 * scaled_mad_usd_m
            when consensus_reports >= 3 then value_usd_m > 2 * median_usd_m or value_usd_m < median_usd_m / 2
            else false
        end, false) as is_outlier
    from compared
    order by market_id, year, report_id
)

select * from final
