-- One row per report loaded into the warehouse.
with reports as (
    select * from staging.stg_reports
),

final as (
    select
        report_id,
        market,
        publisher,
        title,
        base_year,
        forecast_start_year,
        forecast_end_year,
        released_month,
        source_file,
        sha256,
        pages,
        author,
        base_year_inferred
    from reports
)

select * from final
