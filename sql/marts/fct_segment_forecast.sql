-- config(incremental_by='report_id')
-- Every segment member of every dimension, every year from the base year to the forecast end, adding up to the
-- market total in each dimension and year; basis says whether a value is stated, derived or estimated. A
-- dimension whose stated figures cannot all hold is withheld (see audit_consistency and meta_quarantine).
with forecast as (
    select * from intermediate.int_member_forecast
    where dimension <> 'region'
),

feasible as (
    select report_id, dimension from intermediate.int_forecast_feasibility
    where feasible
),

final as (
    select report_id, dimension, member, year, value_usd_m, share_pct, basis, method, fact_ids, shaped_by
    from forecast
    semi join feasible using (report_id, dimension)
    order by report_id, dimension, position, year
)

select * from final
