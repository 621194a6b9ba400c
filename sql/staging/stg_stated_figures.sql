-- Stated figures, from report text and from analyst fact tables, with money in USD millions. An amount in
-- another currency is converted only with a rate from raw/tables/fx_rates.csv (that year's, else an undated
-- one); without a rate value_usd_m stays null. Never a silent conversion.
with source as (
    select * from validated.stated_figures
),

fx_rates as (
    select * from staging.stg_fx_rates
),

converted as (
    select
        source.*,
        case when source.currency = 'USD' then 1.0 else coalesce(for_year.usd_per_unit, any_year.usd_per_unit) end
            as usd_per_unit,
        coalesce(
            for_year.source_file || ':' || for_year.line, any_year.source_file || ':' || any_year.line
        ) as fx_source
    from source
    left join fx_rates as for_year
        on source.currency = for_year.currency and source.year = for_year.year
    left join fx_rates as any_year
        on source.currency = any_year.currency and any_year.year is null
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
        period_source,
        value_millions,
        value_high_millions,
        currency,
        value_millions * usd_per_unit as value_usd_m,
        value_high_millions * usd_per_unit as value_high_usd_m,
        case when currency <> 'USD' then usd_per_unit end as fx_usd_per_unit,
        case when currency <> 'USD' then fx_source end as fx_source,
        pct,
        pct_high,
        rounding * coalesce(usd_per_unit, 1.0) as rounding,
        figure_text,
        figure_start,
        figure_end,
        quote,
        char_start,
        char_end,
        mentions,
        source_kind,
        source_file,
        source_line,
        -- Which statement comes first when two disagree: the report's text in reading order, then table rows.
        row_number() over (
            partition by report_id order by source_kind = 'table', char_start, figure_start, source_line
        ) as statement_order
    from converted
)

select * from final
