-- Analyst weights for sharing out what a report leaves open, one row per member (and report, when given).
with source as (
    select * from validated.forecast_weights
),

final as (
    select
        report_id,
        level,
        dimension,
        member,
        parent,
        weight,
        note,
        source_file,
        line
    from source
)

select * from final
