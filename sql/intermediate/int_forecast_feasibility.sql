-- config(incremental_by='report_id')
-- Whether the figures a report states for a dimension can all hold: pinned members must leave a remainder that is
-- not negative, a dimension whose members are all pinned must add up to the market, and no member may come out
-- negative. A dimension that fails is withheld from the forecast marts (the rest of the warehouse publishes), and
-- `detail` names the figures that conflict in the first year they do.
with forecast as (
    select * from intermediate.int_member_forecast
),

market as (
    select report_id, year, value_usd_m as market_value
    from intermediate.int_market_size
),

dimension_years as (
    select
        forecast.report_id,
        forecast.dimension,
        forecast.year,
        any_value(market.market_value) as market_value,
        sum(forecast.value_usd_m) as members_value,
        sum(forecast.value_usd_m) filter (where forecast.shaped_by <> 'the remainder') as pinned_value,
        string_agg(
            forecast.member || ' ' || round(forecast.value_usd_m, 1) || ' (' || forecast.basis || ')', ' + '
            order by forecast.position
        ) filter (where forecast.shaped_by <> 'the remainder') as pinned_members,
        count(*) filter (where forecast.shaped_by = 'the remainder') as open_members,
        arg_min(
            forecast.member || ' would be ' || round(forecast.value_usd_m, 1) || ' (' || forecast.method || ')',
            forecast.value_usd_m
        ) as smallest_member,
        min(forecast.value_usd_m) as smallest_value
    from forecast
    inner join market using (report_id, year)
    group by forecast.report_id, forecast.dimension, forecast.year
),

judged as (
    select
        *,
        case
            when pinned_value > market_value * (1 + 1e-9)
                then year || ': ' || pinned_members || ' = ' || round(pinned_value, 1)
                    || ' exceeds the market total of ' || round(market_value, 1)
            when open_members = 0 and abs(members_value - market_value) > 1e-9 * market_value
                then year || ': every member has figures and they add up to ' || round(members_value, 1)
                    || ', not the market total of ' || round(market_value, 1) || ': ' || pinned_members
            when smallest_value < -1e-9 * market_value
                then year || ': ' || smallest_member
        end as conflict
    from dimension_years
),

ranked as (
    select
        judged.*,
        bool_and(conflict is null) over (partition by report_id, dimension) as feasible
    from judged
),

-- One row per report and dimension: the first year that conflicts, else the year the figures are tightest.
final as (
    select
        report_id,
        dimension,
        feasible,
        year,
        market_value,
        pinned_value,
        coalesce(
            conflict,
            year || ': ' || pinned_members || ' = ' || round(pinned_value, 1) || ' of a market total of '
            || round(market_value, 1)
        ) as detail
    from ranked
    qualify row_number() over (
        partition by report_id, dimension
        order by
            conflict is null,
            case when conflict is null then -round(coalesce(pinned_value, 0) / market_value, 9) end,
            year
    ) = 1
)

select * from final
