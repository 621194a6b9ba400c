-- config(incremental_by='report_id')
-- Every year a report covers: from its base year or its first stated year, whichever is earlier, to the end of
-- its forecast (else its last stated year).
with reports as (
    select * from staging.stg_reports
),

stated_years as (
    select
        report_id,
        min(coalesce(year, period_start_year)) as first_stated_year,
        max(coalesce(year, period_end_year)) as last_stated_year
    from staging.stg_stated_figures
    group by report_id
),

bounds as (
    select
        reports.report_id,
        -- values stated for years before the base year are history: the series starts with them
        least(reports.base_year, stated_years.first_stated_year) as first_year,
        greatest(reports.forecast_end_year, stated_years.last_stated_year) as last_year
    from reports
    left join stated_years using (report_id)
),

final as (
    select report_id, unnest(generate_series(first_year, last_year)) as year
    from bounds
    where first_year is not null and last_year is not null
)

select * from final
