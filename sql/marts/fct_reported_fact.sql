-- config(incremental_by='report_id')
-- One row per distinct stated figure, with the sentence that states it.
with figures as (
    select * from staging.stg_stated_figures
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
        value_usd_m,
        pct,
        quote,
        char_start,
        char_end,
        value_high_usd_m,
        pct_high,
        value_millions,
        value_high_millions,
        currency,
        rounding,
        figure_text,
        figure_start,
        figure_end,
        mentions,
        source_kind,
        source_file,
        source_line,
        fx_usd_per_unit,
        fx_source,
        period_source
    from figures
)

select * from final
