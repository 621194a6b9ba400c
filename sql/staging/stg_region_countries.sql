-- Regions and the countries or sub-regions each report lists under them.
with source as (
    select * from validated.region_countries
),

final as (
    select report_id, region, country, position, quote, char_start, char_end
    from source
)

select * from final
