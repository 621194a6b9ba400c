-- The weight each member gets when a report leaves its share open: a report-specific analyst weight, else one
-- for every report, else 1 (equal shares).
with members as (
    select * from intermediate.int_forecast_members
),

weights as (
    select * from staging.stg_forecast_weights
    where level in ('segment', 'region')
),

final as (
    select
        members.report_id,
        members.dimension,
        members.member,
        coalesce(for_report.weight, for_every_report.weight, 1.0) as weight,
        coalesce(
            for_report.source_file || ':' || for_report.line,
            for_every_report.source_file || ':' || for_every_report.line
        ) as weight_source
    from members
    left join weights as for_report
        on members.report_id = for_report.report_id
        and lower(members.dimension) = lower(for_report.dimension)
        and lower(members.member) = lower(for_report.member)
    left join weights as for_every_report
        on for_every_report.report_id is null
        and lower(members.dimension) = lower(for_every_report.dimension)
        and lower(members.member) = lower(for_every_report.member)
)

select * from final
