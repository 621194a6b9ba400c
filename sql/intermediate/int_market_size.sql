-- config(incremental_by='report_id')
-- Market size for every year from the base year to the forecast end: stated values exactly, geometric
-- interpolation between them, and the stated CAGR beyond them.
with years as (
    select * from intermediate.int_report_years
),

anchors as (
    select * from intermediate.int_market_anchors
),

market_cagr as (
    select distinct report_id, cagr_pct, cagr_fact_id from anchors
),

bracketed as (
    select
        years.report_id,
        years.year,
        previous.year as previous_year,
        previous.value_usd_m as previous_value,
        previous.fact_id as previous_fact_id,
        following.year as following_year,
        following.value_usd_m as following_value,
        following.fact_id as following_fact_id
    from years
    asof left join anchors as previous
        on years.report_id = previous.report_id and years.year >= previous.year
    asof left join anchors as following
        on years.report_id = following.report_id and years.year <= following.year
),

valued as (
    select
        bracketed.report_id,
        bracketed.year,
        case
            when bracketed.previous_year = bracketed.year then bracketed.previous_value
            when bracketed.previous_year is not null and bracketed.following_year is not null
                then bracketed.previous_value * power(
                    bracketed.following_value / bracketed.previous_value,
                    (bracketed.year - bracketed.previous_year)
                    / (bracketed.following_year - bracketed.previous_year)
                )
            when bracketed.previous_year is not null
                then bracketed.previous_value
                    * power(1 + market_cagr.cagr_pct / 100, bracketed.year - bracketed.previous_year)
            else bracketed.following_value
                / power(1 + market_cagr.cagr_pct / 100, bracketed.following_year - bracketed.year)
        end as value_usd_m,
        case
            when bracketed.previous_year = bracketed.year then 'reported'
            when bracketed.previous_year is not null and bracketed.following_year is not null then 'interpolated'
            else 'extrapolated'
        end as basis,
        case
            when bracketed.previous_year = bracketed.year then 'stated for ' || bracketed.year
            when bracketed.previous_year is not null and bracketed.following_year is not null
                then 'geometric interpolation between the stated ' || bracketed.previous_year
                    || ' and ' || bracketed.following_year || ' values'
            when bracketed.previous_year is not null
                then 'the stated ' || bracketed.previous_year || ' value grown at the stated '
                    || market_cagr.cagr_pct || '% CAGR'
            else 'the stated ' || bracketed.following_year || ' value discounted at the stated '
                || market_cagr.cagr_pct || '% CAGR'
        end as method,
        case
            when bracketed.previous_year = bracketed.year then bracketed.previous_fact_id
            when bracketed.previous_year is not null and bracketed.following_year is not null
                then bracketed.previous_fact_id || ',' || bracketed.following_fact_id
            when bracketed.previous_year is not null
                then bracketed.previous_fact_id || ',' || market_cagr.cagr_fact_id
            else bracketed.following_fact_id || ',' || market_cagr.cagr_fact_id
        end as fact_ids
    from bracketed
    left join market_cagr using (report_id)
    where bracketed.previous_year is not null or bracketed.following_year is not null
),

final as (
    select report_id, year, value_usd_m, basis, method, fact_ids
    from valued
    where value_usd_m is not null
    order by report_id, year
)

select * from final
