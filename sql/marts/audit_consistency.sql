-- Stated figures checked against each other. A row fails when two statements disagree by more than the
-- rounding of the figures involved allows (tolerance is computed from the digits each figure was stated with).
with figures as (
    select * from staging.stg_stated_figures
),

stated_values as (
    select report_id, scope, dimension, member, year, value_usd_m, rounding, fact_id, char_start
    from figures
    where metric = 'value' and value_usd_m is not null and value_high_usd_m is null
),

first_values as (
    select * from stated_values
    qualify row_number() over (
        partition by report_id, scope, dimension, member, year order by char_start
    ) = 1
),

cagrs as (
    select report_id, scope, dimension, member, period_start_year, period_end_year, pct, rounding, fact_id
    from figures
    where metric = 'cagr' and pct_high is null
),

shares as (
    select report_id, scope, dimension, member, year, pct, rounding, fact_id
    from figures
    where metric = 'share' and pct_high is null
),

cagr_against_values as (
    select
        cagrs.report_id,
        'stated CAGR against the CAGR implied by the stated values' as check_name,
        cagrs.scope,
        cagrs.dimension,
        cagrs.member,
        cagrs.period_start_year || '-' || cagrs.period_end_year as period,
        cagrs.pct as stated,
        (power(last_value.value_usd_m / first_value.value_usd_m, 1 / (cagrs.period_end_year - cagrs.period_start_year))
            - 1) * 100 as implied,
        cagrs.rounding
        + (1 + implied / 100) / (cagrs.period_end_year - cagrs.period_start_year)
        * (last_value.rounding / last_value.value_usd_m + first_value.rounding / first_value.value_usd_m) * 100
            as tolerance,
        concat_ws(',', cagrs.fact_id, first_value.fact_id, last_value.fact_id) as fact_ids
    from cagrs
    inner join first_values as first_value
        on cagrs.report_id = first_value.report_id
        and cagrs.scope = first_value.scope
        and cagrs.dimension is not distinct from first_value.dimension
        and cagrs.member is not distinct from first_value.member
        and cagrs.period_start_year = first_value.year
    inner join first_values as last_value
        on cagrs.report_id = last_value.report_id
        and cagrs.scope = last_value.scope
        and cagrs.dimension is not distinct from last_value.dimension
        and cagrs.member is not distinct from last_value.member
        and cagrs.period_end_year = last_value.year
    where first_value.value_usd_m > 0
),

share_against_value as (
    select
        shares.report_id,
        'stated share times the market total against the stated value' as check_name,
        shares.scope,
        shares.dimension,
        shares.member,
        cast(shares.year as varchar) as period,
        member_value.value_usd_m as stated,
        shares.pct / 100 * market_value.value_usd_m as implied,
        shares.rounding / 100 * market_value.value_usd_m
        + shares.pct / 100 * market_value.rounding
        + member_value.rounding as tolerance,
        concat_ws(',', shares.fact_id, market_value.fact_id, member_value.fact_id) as fact_ids
    from shares
    inner join first_values as member_value
        on shares.report_id = member_value.report_id
        and shares.scope = member_value.scope
        and shares.dimension is not distinct from member_value.dimension
        and shares.member is not distinct from member_value.member
        and shares.year = member_value.year
    inner join first_values as market_value
        on shares.report_id = market_value.report_id
        and market_value.scope = 'market'
        and shares.year = market_value.year
),

repeated_values as (
    select
        later.report_id,
        'a figure stated twice with different values' as check_name,
        later.scope,
        later.dimension,
        later.member,
        cast(later.year as varchar) as period,
        first_value.value_usd_m as stated,
        later.value_usd_m as implied,
        first_value.rounding + later.rounding as tolerance,
        concat_ws(',', first_value.fact_id, later.fact_id) as fact_ids
    from stated_values as later
    inner join first_values as first_value
        on later.report_id = first_value.report_id
        and later.scope = first_value.scope
        and later.dimension is not distinct from first_value.dimension
        and later.member is not distinct from first_value.member
        and later.year = first_value.year
        and later.fact_id <> first_value.fact_id
),

checks as (
    select * from cagr_against_values
    union all
    select * from share_against_value
    union all
    select * from repeated_values
),

final as (
    select
        report_id,
        check_name,
        scope,
        stated,
        implied,
        stated - implied as delta,
        tolerance,
        abs(stated - implied) <= tolerance as passed,
        dimension,
        member,
        period,
        fact_ids
    from checks
    order by report_id, check_name, scope, member, period
)

select * from final
