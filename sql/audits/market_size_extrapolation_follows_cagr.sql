-- Every extrapolated market size is its neighbour towards the stated values, grown (after the last stated year) or
-- discounted (before the first) by one year of the stated market CAGR.
with sizes as (
    select * from marts.fct_market_size
),

anchors as (
    select * from intermediate.int_market_anchors
),

stated_span as (
    select report_id, min(year) as first_stated_year, max(year) as last_stated_year, any_value(cagr_pct) as cagr_pct
    from anchors
    group by report_id
),

checked as (
    select
        sizes.report_id,
        sizes.year,
        sizes.value_usd_m as published,
        stated_span.cagr_pct,
        case
            when sizes.year > stated_span.last_stated_year then neighbour.value_usd_m * (1 + stated_span.cagr_pct / 100)
            else neighbour.value_usd_m / (1 + stated_span.cagr_pct / 100)
        end as expected
    from sizes
    inner join stated_span using (report_id)
    left join sizes as neighbour
        on neighbour.report_id = sizes.report_id
        and neighbour.year = case
            when sizes.year > stated_span.last_stated_year then sizes.year - 1 else sizes.year + 1
        end
    where sizes.basis = 'extrapolated'
),

final as (
    select report_id, year, published, expected, cagr_pct
    from checked
    where expected is null or abs(published - expected) > 1e-9 * greatest(abs(expected), 1)
)

select * from final
