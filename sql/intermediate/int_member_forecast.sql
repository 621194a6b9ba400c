-- config(incremental_by='report_id')
-- Every member of every dimension (segment dimensions and regions), every year: anchored members follow their
-- figures; a member with only a stated CAGR gets its level from its weighted share of the remainder in the
-- CAGR's first year and then grows at that rate; the members without figures share what is left of each year's
-- market total by weight (equal unless raw/tables/ supplies weights). Each dimension adds up to the market.
with years as (
    select * from intermediate.int_report_years
),

market as (
    select report_id, year, value_usd_m as market_value
    from intermediate.int_market_size
),

members as (
    select * from intermediate.int_forecast_members
),

weights as (
    select * from intermediate.int_member_weights
),

cagrs as (
    select * from intermediate.int_member_cagrs
),

anchored as (
    select * from intermediate.int_anchored_member_paths
),

anchored_totals as (
    select report_id, dimension, year, sum(value_usd_m) as anchored_value
    from anchored
    group by report_id, dimension, year
),

open_members as (
    select
        members.report_id,
        members.dimension,
        members.member,
        weights.weight,
        weights.weight_source,
        cagrs.cagr_pct,
        cagrs.period_start_year,
        cagrs.fact_id as cagr_fact_id
    from members
    anti join (select distinct report_id, dimension, member from anchored) as anchored_members
        using (report_id, dimension, member)
    left join weights using (report_id, dimension, member)
    left join cagrs using (report_id, dimension, member)
),

open_counts as (
    select
        report_id,
        dimension,
        count(*) as open_members,
        count(*) filter (where cagr_pct is null) as members_without_figures,
        sum(weight) as open_weight,
        bool_or(weight_source is not null) as has_analyst_weights
    from open_members
    group by report_id, dimension
),

-- A stated CAGR can only shape a member when someone else absorbs the rest of each year.
classified as (
    select
        open_members.*,
        open_counts.open_members,
        open_counts.open_weight,
        open_counts.has_analyst_weights,
        open_members.cagr_pct is not null and open_counts.members_without_figures > 0 as grows_at_its_cagr
    from open_members
    inner join open_counts using (report_id, dimension)
),

remainder as (
    select
        market.report_id,
        dimensions.dimension,
        market.year,
        market.market_value,
        market.market_value - coalesce(anchored_totals.anchored_value, 0) as remainder
    from (select distinct report_id, dimension from members) as dimensions
    inner join market using (report_id)
    left join anchored_totals
        on dimensions.report_id = anchored_totals.report_id
        and dimensions.dimension = anchored_totals.dimension
        and market.year = anchored_totals.year
),

coverage as (
    select report_id, min(year) as first_year, max(year) as last_year
    from years
    group by report_id
),

growth_levels as (
    select
        classified.*,
        least(greatest(classified.period_start_year, coverage.first_year), coverage.last_year) as level_year
    from classified
    inner join coverage using (report_id)
    where classified.grows_at_its_cagr
),

growth_paths as (
    select
        growth_levels.report_id,
        growth_levels.dimension,
        growth_levels.member,
        years.year,
        level_remainder.remainder * growth_levels.weight / growth_levels.open_weight
        * power(1 + growth_levels.cagr_pct / 100, years.year - growth_levels.level_year) as value_usd_m,
        'estimated' as basis,
        'level: ' || case
            when growth_levels.has_analyst_weights
                then 'weight ' || growth_levels.weight || ' of ' || growth_levels.open_weight || ' ('
                    || coalesce(growth_levels.weight_source, 'default weight 1') || ') of the '
                    || growth_levels.level_year || ' remainder'
            else 'an equal share of the ' || growth_levels.level_year || ' remainder among '
                || growth_levels.open_members || ' members without a stated level'
        end || '; grown at its stated ' || growth_levels.cagr_pct || '% CAGR' as method,
        growth_levels.cagr_fact_id as fact_ids
    from growth_levels
    inner join years using (report_id)
    inner join remainder as level_remainder
        on growth_levels.report_id = level_remainder.report_id
        and growth_levels.dimension = level_remainder.dimension
        and growth_levels.level_year = level_remainder.year
),

growth_totals as (
    select report_id, dimension, year, sum(value_usd_m) as growth_value
    from growth_paths
    group by report_id, dimension, year
),

shared_members as (
    select * from classified
    where not grows_at_its_cagr
),

shared_paths as (
    select
        shared_members.report_id,
        shared_members.dimension,
        shared_members.member,
        remainder.year,
        (remainder.remainder - coalesce(growth_totals.growth_value, 0)) * shared_members.weight
        / sum(shared_members.weight) over (
            partition by shared_members.report_id, shared_members.dimension, remainder.year
        ) as value_usd_m,
        'estimated' as basis,
        case
            when shared_members.has_analyst_weights
                then 'remainder shared by weight: ' || shared_members.weight || ' of '
                    || sum(shared_members.weight) over (
                        partition by shared_members.report_id, shared_members.dimension, remainder.year
                    )
                    || ' among ' || count(*) over (
                        partition by shared_members.report_id, shared_members.dimension, remainder.year
                    )
                    || ' members without figures (' || coalesce(shared_members.weight_source, 'default weight 1')
                    || ')'
            when count(*) over (partition by shared_members.report_id, shared_members.dimension, remainder.year) = 1
                then 'the whole remainder (the only member without figures)'
            else 'remainder shared equally among ' || count(*) over (
                partition by shared_members.report_id, shared_members.dimension, remainder.year
            ) || ' members without figures'
        end as method,
        cast(null as varchar) as fact_ids
    from shared_members
    inner join remainder using (report_id, dimension)
    left join growth_totals
        on remainder.report_id = growth_totals.report_id
        and remainder.dimension = growth_totals.dimension
        and remainder.year = growth_totals.year
),

all_paths as (
    select report_id, dimension, member, year, value_usd_m, basis, method, fact_ids, 'its figures' as shaped_by
    from anchored
    union all
    select report_id, dimension, member, year, value_usd_m, basis, method, fact_ids, 'its CAGR' as shaped_by
    from growth_paths
    union all
    select report_id, dimension, member, year, value_usd_m, basis, method, fact_ids, 'the remainder' as shaped_by
    from shared_paths
),

final as (
    select
        all_paths.report_id,
        all_paths.dimension,
        all_paths.member,
        all_paths.year,
        all_paths.value_usd_m,
        all_paths.value_usd_m / market.market_value * 100 as share_pct,
        all_paths.basis,
        all_paths.method,
        all_paths.fact_ids,
        all_paths.shaped_by,
        members.position
    from all_paths
    inner join members using (report_id, dimension, member)
    inner join market using (report_id, year)
)

select * from final
