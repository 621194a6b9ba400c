-- Extracted rows that failed validation, and statements the extractor could not read, with the reason.
with source as (
    select * from validated.quarantined_rows
),

final as (
    select table_name, report_id, source_file, row_key, stage, reason, quote, char_start, char_end
    from source
)

select * from final
