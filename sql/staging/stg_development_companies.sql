-- The companies taking part in each development, lead company first.
with source as (
    select * from validated.development_companies
),

final as (
    select development_id, report_id, company, role, position
    from source
)

select * from final
