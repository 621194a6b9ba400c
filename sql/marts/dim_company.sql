-- Key companies named by the reports.
with companies as (
    select * from staging.stg_companies
),

final as (
    select
        company,
        count(distinct report_id) as report_count,
        min(position) as position
    from companies
    group by company
    order by position, company
)

select * from final
