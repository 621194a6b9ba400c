-- config(incremental_by='market_id')
-- How a source's figure for a year changed from one edition to the next on the same market: each edition with a
-- market series against the previous one that has one (copies of a page are one edition and appear once).
with estimates as (
    select * from intermediate.int_market_estimates
    where copy_of_report_id is null
),

editions as (
    select distinct source_key, market_id, edition, report_id, publisher, released_month, base_year
    from estimates
),

paired as (
    select
        *,
        lag(report_id) over (partition by source_key, market_id order by edition) as previous_report_id,
        lag(edition) over (partition by source_key, market_id order by edition) as previous_edition
    from editions
),

final as (
    select
        paired.market_id,
        paired.publisher,
        new_values.year,
        paired.previous_report_id as old_report_id,
        paired.report_id as new_report_id,
        paired.previous_edition as old_edition,
        paired.edition as new_edition,
        old_values.value_usd_m as old_value_usd_m,
        new_values.value_usd_m as new_value_usd_m,
        100 * (new_values.value_usd_m / nullif(old_values.value_usd_m, 0) - 1) as change_pct,
        old_values.basis as old_basis,
        new_values.basis as new_basis
    from paired
    inner join estimates as new_values on new_values.report_id = paired.report_id
    inner join estimates as old_values
        on old_values.report_id = paired.previous_report_id and old_values.year = new_values.year
    order by paired.market_id, paired.publisher, new_values.year, paired.edition
)

select * from final
