-- Exchange rates an analyst supplies (raw/tables/fx_rates.csv): US dollars per unit of a currency, for one year
-- or (year empty) for any year.
with source as (
    select * from validated.fx_rates
),

final as (
    select currency, year, usd_per_unit, source, note, source_file, line
    from source
)

select * from final
