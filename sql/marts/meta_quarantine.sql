-- Everything kept out of the marts, with why: extracted rows that failed validation, statements the extractor
-- could not read, analyst-table rows that failed, and forecasts withheld because a report's figures cannot all
-- hold.
with quarantined as (
    select * from staging.stg_quarantined_rows
),

withheld_forecasts as (
    select * from intermediate.int_forecast_feasibility
    where not feasible
),

documents as (
    select report_id, source_file from staging.stg_documents
),

reports as (
    select report_id, source_file from staging.stg_reports
),

all_rows as (
    select
        quarantined.report_id,
        coalesce(quarantined.source_file, documents.source_file) as source_file,
        quarantined.stage,
        quarantined.table_name,
        quarantined.row_key,
        quarantined.reason,
        quarantined.quote,
        quarantined.char_start,
        quarantined.char_end
    from quarantined
    left join documents using (report_id)
    union all
    select
        withheld_forecasts.report_id,
        reports.source_file,
        'forecast' as stage,
        case when withheld_forecasts.dimension = 'region' then 'fct_region_forecast' else 'fct_segment_forecast' end
            as table_name,
        'dimension=' || withheld_forecasts.dimension as row_key,
        'forecast withheld, the stated figures cannot all hold: ' || withheld_forecasts.detail as reason,
        cast(null as varchar) as quote,
        cast(null as bigint) as char_start,
        cast(null as bigint) as char_end
    from withheld_forecasts
    left join reports using (report_id)
),

final as (
    select * from all_rows
    order by source_file, char_start
)

select * from final
