-- Dated developments (month precision) with the deal amount where one is stated.
with source as (
    select * from validated.developments
),

final as (
    select development_id, report_id, month, kind, amount_usd_m, amount_currency, quote, char_start, char_end
    from source
)

select * from final
