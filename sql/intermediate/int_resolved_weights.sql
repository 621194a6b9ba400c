-- config(incremental_by='report_id')
-- Analyst weights resolved for each report: for every member, region and country the report lists, the weight
-- of a row naming that report, else of a row for every report (blank report_id); null when no row names it.
with listed as (
    select report_id, case when dimension = 'region' then 'region' else 'segment' end as level, dimension, member,
        cast(null as varchar) as parent
    from intermediate.int_forecast_members
    union all
    select distinct report_id, 'country' as level, 'country' as dimension, country as member, region as parent
    from staging.stg_region_countries
    where country is not null
),

weights as (
    select * from staging.stg_forecast_weights
),

final as (
    select
        listed.report_id,
        listed.level,
        listed.dimension,
        listed.member,
        listed.parent,
        coalesce(for_report.weight, for_every_report.weight) as weight,
        coalesce(
            for_report.source_file || ':' || for_report.line,
            for_every_report.source_file || ':' || for_every_report.line
        ) as weight_source
    from listed
    left join weights as for_report
        on listed.report_id = for_report.report_id
        and listed.level = for_report.level
        and lower(listed.dimension) = lower(for_report.dimension)
        and lower(listed.member) = lower(for_report.member)
        and lower(coalesce(listed.parent, '')) = lower(coalesce(for_report.parent, ''))
    left join weights as for_every_report
        on for_every_report.report_id is null
        and listed.level = for_every_report.level
        and lower(listed.dimension) = lower(for_every_report.dimension)
        and lower(listed.member) = lower(for_every_report.member)
        and lower(coalesce(listed.parent, '')) = lower(coalesce(for_every_report.parent, ''))
)

select * from final
