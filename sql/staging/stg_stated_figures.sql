-- Stated figures with money in USD millions. Amounts in another currency keep value_usd_m null: no silent
-- currency conversion (the extractor reads a bare '$' as USD; figure_text keeps the symbol as written).
with source as (
    select * from validated.stated_figures
),

final as (
    select
        fact_id,
        report_id,
        metric,
        scope,
        dimension,
        member,
        within_region,
        year,
        period_start_year,
        period_end_year,
        value_millions,
        value_high_millions,
        currency,
        case when currency = 'USD' then value_millions end as value_usd_m,
        case when currency = 'USD' then value_high_millions end as value_high_usd_m,
        pct,
        pct_high,
        rounding,
        figure_text,
        figure_start,
        figure_end,
        quote,
        char_start,
        char_end,
        mentions
    from source
)

select * from final
