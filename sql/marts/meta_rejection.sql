-- Every file in the raw folder that could not be loaded as a report, with a specific reason.
with rejected as (
    select * from staging.stg_rejected_documents
),

final as (
    select source_file, sha256, stage, reason, detected_at
    from rejected
    order by source_file
)

select * from final
