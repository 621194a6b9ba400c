-- config(incremental_by='report_id')
-- Year-by-year values of every member with at least one anchor: the anchor itself; geometric interpolation
-- between two anchors; beyond them, the member's stated CAGR ('derived') or, without one, its anchored share of
-- the market held constant ('estimated').
with years as (
    select * from intermediate.int_report_years
),

anchors as (
    select * from intermediate.int_member_anchors
),

cagrs as (
    select * from intermediate.int_member_cagrs
),

market as (
    select report_id, year, value_usd_m as market_value
    from intermediate.int_market_size
),

anchored_members as (
    select distinct report_id, dimension, member from anchors
),

member_years as (
    select anchored_members.*, years.year
    from anchored_members
    inner join years using (report_id)
),

bracketed as (
    select
        member_years.report_id,
        member_years.dimension,
        member_years.member,
        member_years.year,
        previous.year as previous_year,
        previous.value_usd_m as previous_value,
        previous.basis as previous_basis,
        previous.method as previous_method,
        previous.fact_id as previous_fact_id,
        following.year as following_year,
        following.value_usd_m as following_value,
        following.fact_id as following_fact_id
    from member_years
    asof left join anchors as previous
        on member_years.report_id = previous.report_id
        and member_years.dimension = previous.dimension
        and member_years.member = previous.member
        and member_years.year >= previous.year
    asof left join anchors as following
        on member_years.report_id = following.report_id
        and member_years.dimension = following.dimension
        and member_years.member = following.member
        and member_years.year <= following.year
),

with_rule as (
    select
        bracketed.*,
        cagrs.cagr_pct,
        cagrs.fact_id as cagr_fact_id,
        market.market_value,
        market_at_previous.market_value as market_at_previous,
        market_at_following.market_value as market_at_following,
        case
            when bracketed.previous_year = bracketed.year then 'anchor'
            when bracketed.previous_year is not null and bracketed.following_year is not null then 'interpolation'
            when cagrs.cagr_pct is not null then 'member growth'
            else 'market growth'
        end as rule
    from bracketed
    left join cagrs using (report_id, dimension, member)
    left join market using (report_id, year)
    left join market as market_at_previous
        on bracketed.report_id = market_at_previous.report_id and bracketed.previous_year = market_at_previous.year
    left join market as market_at_following
        on bracketed.report_id = market_at_following.report_id and bracketed.following_year = market_at_following.year
),

final as (
    select
        report_id,
        dimension,
        member,
        year,
        case rule
            when 'anchor' then previous_value
            when 'interpolation' then previous_value * power(
                following_value / previous_value, (year - previous_year) / (following_year - previous_year)
            )
            when 'member growth' then coalesce(
                previous_value * power(1 + cagr_pct / 100, year - previous_year),
                following_value / power(1 + cagr_pct / 100, following_year - year)
            )
            else coalesce(
                previous_value * market_value / market_at_previous,
                following_value * market_value / market_at_following
            )
        end as value_usd_m,
        case rule
            when 'anchor' then previous_basis
            when 'interpolation' then 'derived'
            when 'member growth' then 'derived'
            else 'estimated'
        end as basis,
        case rule
            when 'anchor' then previous_method
            when 'interpolation' then 'geometric interpolation between its ' || previous_year || ' and '
                || following_year || ' figures'
            when 'member growth' then 'its ' || coalesce(previous_year, following_year) || ' figure carried by its stated '
                || cagr_pct || '% CAGR'
            else 'its ' || coalesce(previous_year, following_year) || ' share of the market held constant'
        end as method,
        case rule
            when 'anchor' then previous_fact_id
            when 'interpolation' then previous_fact_id || ',' || following_fact_id
            when 'member growth' then coalesce(previous_fact_id, following_fact_id) || ',' || cagr_fact_id
            else coalesce(previous_fact_id, following_fact_id)
        end as fact_ids
    from with_rule
)

select * from final
