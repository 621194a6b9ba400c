-- Every file the pipeline found under the raw folder, and what became of it: nothing is lost without a trace.
-- (A report's metadata sidecar and each analyst table appear too.)
with documents as (
    select * from staging.stg_documents
),

rejected as (
    select * from staging.stg_rejected_documents
),

table_rows as (
    select source_file, sha256, 'analyst table' as kind from landing.forecast_weights
    union
    select source_file, sha256, 'analyst table' as kind from landing.table_facts
    union
    select source_file, sha256, 'analyst table' as kind from landing.fx_rates
),

sidecars as (
    select source_file || '.meta.json' as source_file, report_id
    from landing.raw_documents
    where sidecar is not null
),

inputs as (
    select source_file, sha256, 'report' as kind, 'loaded' as status, 'report_id ' || report_id as detail
    from documents
    union all
    select source_file, cast(null as varchar) as sha256, 'report metadata' as kind, 'loaded' as status,
        'describes report_id ' || report_id as detail
    from sidecars
    union all
    select source_file, any_value(sha256) as sha256, any_value(kind) as kind, 'loaded' as status,
        count(*) || ' row(s)' as detail
    from table_rows
    group by source_file
    union all
    select source_file, sha256, case when source_file like 'tables/%' then 'analyst table' else 'report' end as kind,
        'rejected' as status, reason as detail
    from rejected
),

final as (
    select source_file, sha256, kind, status, detail
    from inputs
    order by source_file, status
)

select * from final
