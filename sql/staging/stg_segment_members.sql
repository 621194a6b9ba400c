-- Segment dimensions and their members, as each report's scope list declares them.
with source as (
    select * from validated.segment_members
),

final as (
    select report_id, dimension, member, position, quote, char_start, char_end
    from source
)

select * from final
