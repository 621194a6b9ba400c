-- Segment dimensions and their members across all reports.
with members as (
    select * from staging.stg_segment_members
),

final as (
    select
        dimension,
        member,
        min(position) as position,
        count(distinct report_id) as report_count
    from members
    group by dimension, member
    order by dimension, position, member
)

select * from final
