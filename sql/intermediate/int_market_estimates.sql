-- config(incremental_by='market_id')
-- Every report's market series (int_market_size) with the market and edition it belongs to, and whether it is
-- one of the market's consensus sources: the latest edition of each source (a copy of a page counts once).
with market_size as (
    select * from intermediate.int_market_size
),

reports as (
    select * from staging.stg_reports
),

markets as (
    select * from intermediate.int_report_markets
),

editions as (
    select * from intermediate.int_report_editions
),

stated_currency as (
    select report_id, currency, fx_usd_per_unit
    from staging.stg_stated_figures
    where scope = 'market' and metric = 'value' and value_usd_m is not null
    qualify row_number() over (partition by report_id order by statement_order) = 1
),

final as (
    select
        markets.market_id,
        market_size.year,
        market_size.report_id,
        reports.publisher,
        reports.publisher_key,
        editions.source_key,
        editions.edition,
        editions.is_latest_edition,
        editions.copy_of_report_id,
        editions.is_latest_edition and editions.copy_of_report_id is null as in_consensus,
        reports.released_month,
        reports.base_year,
        market_size.value_usd_m,
        coalesce(stated_currency.currency, 'USD') as currency,
        stated_currency.fx_usd_per_unit,
        market_size.basis,
        market_size.method,
        market_size.fact_ids
    from market_size
    inner join markets using (report_id)
    inner join editions using (report_id)
    inner join reports using (report_id)
    left join stated_currency using (report_id)
)

select * from final
