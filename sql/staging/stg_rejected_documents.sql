-- Files in the raw folder that could not be read as reports, or whose extraction failed, with the reason.
with unreadable as (
    select * from landing.rejected_documents
),

failed_extraction as (
    select * from extracted.failed_documents
),

final as (
    select source_file, sha256, stage, reason, detected_at from unreadable
    union all by name
    select source_file, sha256, stage, reason, detected_at from failed_extraction
)

select * from final
