-- Files in the raw folder that could not be used (unreadable reports, failed extractions, unusable tables).
with unreadable as (
    select * from landing.rejected_documents
),

failed_extraction as (
    select * from extracted.failed_documents
),

unusable_tables as (
    select * from landing.rejected_tables
),

final as (
    select source_file, sha256, stage, reason, detected_at from unreadable
    union all by name
    select source_file, sha256, stage, reason, detected_at from failed_extraction
    union all by name
    select source_file, sha256, stage, reason, detected_at from unusable_tables
)

select * from final
