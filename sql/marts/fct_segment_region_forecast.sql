-- config(incremental_by='report_id')
-- Segment x region cube for every segment dimension and year, consistent with both the segment and the region
-- forecasts. Without stated cells it is the independence estimate (segment x region / market); where a report
-- states cells, the other cells are fitted around them by iterative proportional fitting.
with recursive seed as (
    select * from intermediate.int_segment_region_seed
),

groups_with_stated_cells as (
    select distinct report_id, dimension, year from seed
    where is_stated
),

fitting (iteration, report_id, dimension, member, region, year, value_usd_m, is_stated, segment_value,
    region_value) as (
    select 0, report_id, dimension, member, region, year, value_usd_m, is_stated, segment_value, region_value
    from seed
    semi join groups_with_stated_cells using (report_id, dimension, year)
    union all
    select
        iteration + 1,
        report_id,
        dimension,
        member,
        region,
        year,
        case
            when is_stated then value_usd_m
            else value_usd_m * (
                region_value - coalesce(sum(value_usd_m) filter (where is_stated) over by_region, 0)
            ) / sum(value_usd_m) filter (where not is_stated) over by_region
        end,
        is_stated,
        segment_value,
        region_value
    from (
        select
            iteration,
            report_id,
            dimension,
            member,
            region,
            year,
            case
                when is_stated then value_usd_m
                else value_usd_m * (
                    segment_value - coalesce(sum(value_usd_m) filter (where is_stated) over by_segment, 0)
                ) / sum(value_usd_m) filter (where not is_stated) over by_segment
            end as value_usd_m,
            is_stated,
            segment_value,
            region_value
        from fitting
        where iteration < 200
        window by_segment as (partition by report_id, dimension, member, year)
    ) as segment_step
    window by_region as (partition by report_id, dimension, region, year)
),

fitted as (
    select * from fitting
    where iteration = 200
),

cells as (
    select
        seed.report_id,
        seed.dimension,
        seed.member,
        seed.region,
        seed.year,
        coalesce(fitted.value_usd_m, seed.value_usd_m) as value_usd_m,
        case when seed.is_stated then 'reported' else 'estimated' end as basis,
        case
            when seed.is_stated then 'stated for ' || seed.year
            when fitted.value_usd_m is not null
                then 'fitted to both margins around the cells the report states (iterative proportional fitting)'
            else 'segment x region / market total (the two splits taken as independent)'
        end as method,
        seed.fact_id as fact_ids
    from seed
    left join fitted using (report_id, dimension, member, region, year)
),

final as (
    select report_id, dimension, member, region, year, value_usd_m, basis, method, fact_ids
    from cells
    order by report_id, dimension, member, region, year
)

select * from final
