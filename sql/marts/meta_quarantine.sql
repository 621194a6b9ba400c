-- Every extracted row kept out of the marts, and every statement the extractor could not read, with why.
with quarantined as (
    select * from staging.stg_quarantined_rows
),

documents as (
    select report_id, source_file from staging.stg_documents
),

final as (
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
    order by source_file, quarantined.char_start
)

select * from final
