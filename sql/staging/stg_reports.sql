-- One row per loaded report: its identity, header fields and forecast window.
with source as (
    select * from validated.report_metadata
),

final as (
    select
        report_id,
        source_file,
        sha256,
        market,
        title,
        pages,
        base_year,
        base_year_inferred,
        forecast_start_year,
        forecast_end_year,
        released_month,
        author,
        publisher,
        publisher_key,
        url,
        market_id as rule_market_id,
        market_name as rule_market_name,
        market_geography as rule_geography,
        market_geography_level as rule_geography_level,
        market_rule as name_rule,
        quote as header_quote,
        char_start as header_char_start,
        char_end as header_char_end
    from source
)

select * from final
