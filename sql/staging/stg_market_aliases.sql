-- Market aliases an analyst supplies (raw/tables/market_aliases.csv): a market name as pages write it, or a
-- report id, and the market it belongs to (keys made by pipelines/extract/market_identity.py), with the market's
-- parent market where the analyst names one.
with source as (
    select * from validated.market_aliases
),

final as (
    select
        alias,
        alias_key,
        market_id,
        market_name,
        geography,
        geography_level,
        parent_market_id,
        parent_market_name,
        parent_geography,
        parent_geography_level,
        note,
        source_file,
        line
    from source
)

select * from final
