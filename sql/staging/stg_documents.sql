-- The text of every loaded document: what every quote and character span points into.
with source as (
    select * from landing.raw_documents
),

final as (
    select report_id, source_file, sha256, size_bytes, source_format, encoding, text
    from source
)

select * from final
