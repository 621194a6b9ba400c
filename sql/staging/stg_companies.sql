-- Key companies named by each report.
with source as (
    select * from validated.companies
),

final as (
    select report_id, company, position, quote, char_start, char_end
    from source
)

select * from final
