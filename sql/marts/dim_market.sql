-- config(incremental_by='market_id')
-- One row per market: the markets the reports are about (as int_report_markets keys them) and the parent markets
-- an analyst names in raw/tables/market_aliases.csv. A market's geography is part of its key: the India space
-- mining market is not the global one. A parent is only ever an analyst's word, never guessed from names.
with report_markets as (
    select * from intermediate.int_report_markets
    where market_id is not null
),

aliases as (
    select * from staging.stg_market_aliases
),

reports as (
    select report_id, publisher_key from staging.stg_reports
),

editions as (
    select * from intermediate.int_report_editions
),

named_by_analyst as (
    select market_id, market_name, geography, geography_level, 1 as preference, line
    from aliases
),

parents_named as (
    select
        parent_market_id as market_id,
        parent_market_name as market_name,
        parent_geography as geography,
        parent_geography_level as geography_level,
        2 as preference,
        line
    from aliases
    where parent_market_id is not null
),

named_by_reports as (
    select market_id, market_name, geography, geography_level, 3 as preference, -count(*) as line
    from report_markets
    group by market_id, market_name, geography, geography_level
),

names as (
    select * from named_by_analyst
    union all
    select * from parents_named
    union all
    select * from named_by_reports
),

chosen_name as (
    select market_id, market_name, geography, geography_level
    from names
    qualify row_number() over (partition by market_id order by preference, line, market_name) = 1
),

parents as (
    select market_id, parent_market_id
    from aliases
    where parent_market_id is not null
    qualify row_number() over (partition by market_id order by line) = 1
),

report_counts as (
    select
        report_markets.market_id,
        count(*) as reports,
        count(distinct reports.publisher_key) as publishers,
        count(*) filter (where editions.is_latest_edition and editions.copy_of_report_id is null)
            as latest_editions
    from report_markets
    inner join reports using (report_id)
    left join editions using (report_id)
    group by report_markets.market_id
),

final as (
    select
        chosen_name.market_id,
        chosen_name.market_name,
        chosen_name.geography,
        chosen_name.geography_level,
        parents.parent_market_id,
        coalesce(report_counts.reports, 0) as reports,
        coalesce(report_counts.publishers, 0) as publishers,
        coalesce(report_counts.latest_editions, 0) as sources
    from chosen_name
    left join parents using (market_id)
    left join report_counts using (market_id)
    order by market_id
)

select * from final
