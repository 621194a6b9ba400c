-- config(incremental_by='report_id')
-- Every member a report's forecast covers: the members of each segment dimension, and each region, as its scope
-- list declares them. Figures about members the page does not list stay in fct_reported_fact only.
with segments as (
    select * from staging.stg_segment_members
),

regions as (
    select report_id, region, min(char_start) as first_listed_at
    from staging.stg_region_countries
    group by report_id, region
),

final as (
    select report_id, dimension, member, position
    from segments
    union all
    select
        report_id,
        'region' as dimension,
        region as member,
        row_number() over (partition by report_id order by first_listed_at) as position
    from regions
)

select * from final
