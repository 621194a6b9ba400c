-- config(incremental_by='report_id')
-- Checks of the stated figures against each other (the page's own consistency, including whether its figures for a
-- dimension can all hold: informative, blocking = false) and of the published forecasts against the stated
-- figures (the warehouse's integrity: blocking = true, a failure stops publishing). Tolerances for stated figures
-- come from the digits each figure was stated with; the forecast checks allow a relative error of 1e-9.
with figures as (
    select * from staging.stg_stated_figures
    where within_region is null
),

market as (
    select report_id, year, value_usd_m as market_value
    from intermediate.int_market_size
),

forecast as (
    select report_id, dimension, member, year, value_usd_m, share_pct, method, fact_ids, shaped_by
    from marts.fct_segment_forecast
    union all
    select
        report_id, 'region' as dimension, region as member, year, value_usd_m, share_pct, method, fact_ids, shaped_by
    from marts.fct_region_forecast
),

feasibility as (
    select * from intermediate.int_forecast_feasibility
),

anchors as (
    select * from intermediate.int_member_anchors
),

cagrs as (
    select * from intermediate.int_member_cagrs
),

cube_cells as (
    select * from marts.fct_segment_region_forecast
),

members as (
    select * from intermediate.int_forecast_members
),

market_years as (
    select report_id, year from intermediate.int_market_size
),

member_figures as (
    select * from staging.stg_stated_figures
    where scope in ('region', 'country', 'segment')
),

stated_values as (
    select report_id, scope, dimension, member, year, value_usd_m, rounding, fact_id, statement_order
    from figures
    where metric = 'value' and year is not null and value_usd_m is not null and value_high_usd_m is null
),

first_values as (
    select * from stated_values
    qualify row_number() over (
        partition by report_id, scope, dimension, member, year order by statement_order
    ) = 1
),

stated_cagrs as (
    select report_id, scope, dimension, member, period_start_year, period_end_year, pct, rounding, fact_id
    from figures
    where metric = 'cagr' and pct_high is null and period_start_year is not null and period_end_year is not null
),

stated_shares as (
    select report_id, scope, dimension, member, year, pct, rounding, fact_id
    from figures
    where metric = 'share' and pct_high is null
),

cagr_against_values as (
    select
        stated_cagrs.report_id,
        'stated CAGR against the CAGR implied by the stated values' as check_name,
        stated_cagrs.scope,
        stated_cagrs.dimension,
        stated_cagrs.member,
        stated_cagrs.period_start_year || '-' || stated_cagrs.period_end_year as period,
        stated_cagrs.pct as stated,
        (power(
            last_value.value_usd_m / first_value.value_usd_m,
            1 / (stated_cagrs.period_end_year - stated_cagrs.period_start_year)
        ) - 1) * 100 as implied,
        stated_cagrs.rounding
        + (1 + implied / 100) / (stated_cagrs.period_end_year - stated_cagrs.period_start_year)
        * (last_value.rounding / last_value.value_usd_m + first_value.rounding / first_value.value_usd_m) * 100
            as tolerance,
        false as blocking,
        'the page states both; the warehouse keeps the stated values' as detail,
        concat_ws(',', stated_cagrs.fact_id, first_value.fact_id, last_value.fact_id) as fact_ids
    from stated_cagrs
    inner join first_values as first_value
        on stated_cagrs.report_id = first_value.report_id
        and stated_cagrs.scope = first_value.scope
        and stated_cagrs.dimension is not distinct from first_value.dimension
        and stated_cagrs.member is not distinct from first_value.member
        and stated_cagrs.period_start_year = first_value.year
    inner join first_values as last_value
        on stated_cagrs.report_id = last_value.report_id
        and stated_cagrs.scope = last_value.scope
        and stated_cagrs.dimension is not distinct from last_value.dimension
        and stated_cagrs.member is not distinct from last_value.member
        and stated_cagrs.period_end_year = last_value.year
    where first_value.value_usd_m > 0
),

share_against_value as (
    select
        stated_shares.report_id,
        'stated share times the market total against the stated value' as check_name,
        stated_shares.scope,
        stated_shares.dimension,
        stated_shares.member,
        cast(stated_shares.year as varchar) as period,
        member_value.value_usd_m as stated,
        stated_shares.pct / 100 * market_value.value_usd_m as implied,
        stated_shares.rounding / 100 * market_value.value_usd_m
        + stated_shares.pct / 100 * market_value.rounding
        + member_value.rounding as tolerance,
        false as blocking,
        'the page states both; the warehouse keeps the stated value' as detail,
        concat_ws(',', stated_shares.fact_id, market_value.fact_id, member_value.fact_id) as fact_ids
    from stated_shares
    inner join first_values as member_value
        on stated_shares.report_id = member_value.report_id
        and stated_shares.scope = member_value.scope
        and stated_shares.dimension is not distinct from member_value.dimension
        and stated_shares.member is not distinct from member_value.member
        and stated_shares.year = member_value.year
    inner join first_values as market_value
        on stated_shares.report_id = market_value.report_id
        and market_value.scope = 'market'
        and stated_shares.year = market_value.year
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
        false as blocking,
        'the warehouse keeps the first statement' as detail,
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

forecast_reproduces_anchors as (
    select
        anchors.report_id,
        'forecast reproduces the stated ' || case anchors.basis when 'reported' then 'value' else 'share' end
            as check_name,
        case when anchors.dimension = 'region' then 'region' else 'segment' end as scope,
        anchors.dimension,
        anchors.member,
        cast(anchors.year as varchar) as period,
        case anchors.basis when 'reported' then anchors.value_usd_m else stated_shares.pct end as stated,
        case anchors.basis when 'reported' then forecast.value_usd_m else forecast.share_pct end as implied,
        1e-9 * abs(stated) as tolerance,
        true as blocking,
        anchors.method as detail,
        anchors.fact_id as fact_ids
    from anchors
    inner join forecast using (report_id, dimension, member, year)
    left join stated_shares
        on anchors.fact_id = stated_shares.fact_id
),

forecast_reproduces_cagrs as (
    select
        cagrs.report_id,
        'forecast reproduces the stated CAGR' as check_name,
        case when cagrs.dimension = 'region' then 'region' else 'segment' end as scope,
        cagrs.dimension,
        cagrs.member,
        cagrs.period_start_year || '-' || cagrs.period_end_year as period,
        cagrs.cagr_pct as stated,
        (power(
            period_end.value_usd_m / period_start.value_usd_m, 1 / (cagrs.period_end_year - cagrs.period_start_year)
        ) - 1) * 100 as implied,
        1e-9 * abs(cagrs.cagr_pct) as tolerance,
        -- a member that has to take the whole remainder cannot also follow its CAGR: that is the page's matter
        period_end.shaped_by <> 'the remainder' as blocking,
        case
            when period_end.shaped_by = 'the remainder'
                then 'not used: no other member without figures is left to absorb the rest of each year'
            else period_end.method
        end as detail,
        cagrs.fact_id as fact_ids
    from cagrs
    inner join forecast as period_start
        on cagrs.report_id = period_start.report_id
        and cagrs.dimension = period_start.dimension
        and cagrs.member = period_start.member
        and cagrs.period_start_year = period_start.year
    inner join forecast as period_end
        on cagrs.report_id = period_end.report_id
        and cagrs.dimension = period_end.dimension
        and cagrs.member = period_end.member
        and cagrs.period_end_year = period_end.year
    -- a member pinned by two or more figures follows them; their agreement with the CAGR is the page's matter
    where (
        select count(*) from anchors
        where anchors.report_id = cagrs.report_id
            and anchors.dimension = cagrs.dimension
            and anchors.member = cagrs.member
    ) < 2
),

dimension_years as (
    select
        forecast.report_id,
        forecast.dimension,
        forecast.year,
        any_value(market.market_value) as market_value,
        sum(forecast.value_usd_m) as members_value
    from forecast
    inner join market using (report_id, year)
    group by forecast.report_id, forecast.dimension, forecast.year
),

members_sum_to_market as (
    select
        report_id,
        'members sum to the market total' as check_name,
        case when dimension = 'region' then 'region' else 'segment' end as scope,
        dimension,
        cast(null as varchar) as member,
        cast(year as varchar) as period,
        market_value as stated,
        members_value as implied,
        1e-9 * market_value as tolerance,
        true as blocking,
        cast(null as varchar) as detail,
        cast(null as varchar) as fact_ids
    from dimension_years
),

figures_can_all_hold as (
    select
        report_id,
        'stated figures can all hold' as check_name,
        case when dimension = 'region' then 'region' else 'segment' end as scope,
        dimension,
        cast(null as varchar) as member,
        cast(year as varchar) as period,
        market_value as stated,
        pinned_value as implied,
        1e-9 * market_value as tolerance,
        false as blocking,
        case when feasible then detail else 'forecast withheld: ' || detail end as detail,
        cast(null as varchar) as fact_ids,
        feasible
    from feasibility
    where pinned_value is not null or not feasible
),

no_negative_values as (
    select
        forecast.report_id,
        'no negative forecast value' as check_name,
        case when forecast.dimension = 'region' then 'region' else 'segment' end as scope,
        forecast.dimension,
        forecast.member,
        cast(forecast.year as varchar) as period,
        0.0 as stated,
        forecast.value_usd_m as implied,
        1e-9 * market.market_value as tolerance,
        true as blocking,
        'the smallest value of the dimension: ' || forecast.member || ' ' || round(forecast.value_usd_m, 1)
        || ' in ' || forecast.year || ' (' || forecast.method || ')' as detail,
        forecast.fact_ids
    from forecast
    inner join market using (report_id, year)
    qualify row_number() over (
        partition by forecast.report_id, forecast.dimension
        order by forecast.value_usd_m, forecast.year, forecast.member  -- members sharing a remainder tie
    ) = 1
),

-- The cube's margins (its cells summed by segment, and by region) against the two forecasts, per report, dimension
-- and year: summed first and compared per margin, not per cell (the cube is the largest table).
segment_margins as (
    select report_id, dimension, member, year, sum(value_usd_m) as cells_value
    from cube_cells
    group by all
),

region_margins as (
    select report_id, dimension, region, year, sum(value_usd_m) as cells_value
    from cube_cells
    group by all
),

segment_margin_errors as (
    select
        segment_margins.report_id,
        segment_margins.dimension,
        segment_margins.year,
        max(abs(segment_margins.cells_value - segments.value_usd_m) / segments.value_usd_m) as segment_error
    from segment_margins
    inner join forecast as segments using (report_id, dimension, member, year)
    group by all
),

region_margin_errors as (
    select
        region_margins.report_id,
        region_margins.dimension,
        region_margins.year,
        max(abs(region_margins.cells_value - regions.value_usd_m) / regions.value_usd_m) as region_error
    from region_margins
    inner join forecast as regions
        on region_margins.report_id = regions.report_id
        and regions.dimension = 'region'
        and region_margins.region = regions.member
        and region_margins.year = regions.year
    group by all
),

cube_margins as (
    select report_id, dimension, year, segment_error, region_error
    from segment_margin_errors
    inner join region_margin_errors using (report_id, dimension, year)
),

-- Every stated region, country and segment figure a forecast does not reproduce, with the reason: no figure is
-- left out silently. A figure no rule explains is an integrity failure (blocking).
reproduced_fact_ids as (
    select fact_ids as fact_id from forecast_reproduces_anchors
    union
    select fact_ids from forecast_reproduces_cagrs
    union
    select unnest(string_split(fact_ids, ',')) from cube_cells where basis = 'reported'
),

figures_not_used as (
    select
        figures.report_id,
        'stated figure used in a forecast' as check_name,
        figures.scope,
        figures.dimension,
        figures.member,
        case
            when figures.metric = 'cagr' then figures.period_start_year || '-' || figures.period_end_year
            else cast(figures.year as varchar)
        end as period,
        coalesce(figures.value_usd_m, figures.pct) as stated,
        cast(null as double) as implied,
        cast(null as double) as tolerance,
        case
            when figures.metric = 'cagr' and figures.period_start_year is null
                then 'not used: the page states no period for this CAGR'
            when figures.metric <> 'cagr' and figures.year is null
                then 'not used: the page states no year for this figure'
            when figures.value_high_usd_m is not null or figures.pct_high is not null
                then 'not used: a range, not one figure'
            when figures.metric = 'value' and figures.value_usd_m is null
                then 'not used: no exchange rate for ' || figures.currency || ' in raw/tables/fx_rates.csv'
            when figures.scope = 'country'
                then 'not used: country forecasts come only from raw/tables/country_weights.csv'
            when figures.within_region is not null
                then 'not used: the segment x region cube is not built for this dimension and region'
            when members.member is null
                then 'not used: "' || figures.member || '" is not in the page''s scope list'
            when not coalesce(feasibility.feasible, true)
                then 'not used: the forecast for ' || figures.dimension || ' is withheld (its figures cannot all hold)'
            when figures.metric <> 'cagr' and market_years.year is null
                then 'not used: no market total for ' || figures.year || ' to place it in'
            when figures.metric = 'cagr'
                then 'not used: the member follows its stated values or takes the remainder'
            when exists (
                select 1 from member_figures as other
                where other.report_id = figures.report_id
                    and other.dimension is not distinct from figures.dimension
                    and other.member = figures.member
                    and other.year = figures.year
                    and other.within_region is null
                    and other.fact_id <> figures.fact_id
            )
                then 'not used: another figure pins the member in ' || figures.year
                    || ' (a stated value before a share, the first statement before a later one)'
        end as reason,
        figures.fact_id as fact_ids
    from member_figures as figures
    left join members
        on figures.report_id = members.report_id
        and figures.dimension = members.dimension
        and figures.member = members.member
    left join feasibility
        on figures.report_id = feasibility.report_id
        and figures.dimension = feasibility.dimension
    left join market_years
        on figures.report_id = market_years.report_id
        and figures.year = market_years.year
    where figures.fact_id not in (select fact_id from reproduced_fact_ids where fact_id is not null)
),

unused_figures as (
    select
        * exclude (reason),
        reason is null as blocking,
        coalesce(reason, 'not reproduced by any forecast, and no rule says why') as detail
    from figures_not_used
),

cube_matches_margins as (
    select
        report_id,
        'segment x region cube matches both forecasts' as check_name,
        'segment' as scope,
        dimension,
        cast(null as varchar) as member,
        cast(year as varchar) as period,
        0.0 as stated,
        greatest(segment_error, region_error) as implied,
        1e-9 as tolerance,
        true as blocking,
        'largest relative difference between a margin of the cube and its forecast' as detail,
        cast(null as varchar) as fact_ids
    from cube_margins
    qualify row_number() over (partition by report_id, dimension order by greatest(segment_error, region_error) desc) = 1
),

checks as (
    select * from cagr_against_values
    union all by name
    select * from share_against_value
    union all by name
    select * from repeated_values
    union all by name
    select * from forecast_reproduces_anchors
    union all by name
    select * from forecast_reproduces_cagrs
    union all by name
    select * from members_sum_to_market
    union all by name
    select * from figures_can_all_hold
    union all by name
    select * from no_negative_values
    union all by name
    select * from cube_matches_margins
    union all by name
    select * from unused_figures
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
        case check_name
            when 'stated figures can all hold' then feasible
            when 'no negative forecast value' then implied >= -tolerance
            when 'segment x region cube matches both forecasts' then implied <= tolerance
            when 'stated figure used in a forecast' then false
            else abs(stated - implied) <= tolerance
        end as passed,
        blocking,
        dimension,
        member,
        period,
        detail,
        fact_ids
    from checks
    order by report_id, blocking, check_name, dimension, member, period
)

select * from final
