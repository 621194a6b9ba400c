-- config(incremental_by='market_id')
-- Editions: the reports of one source (a publisher, or a report with no publisher on its own) on one market,
-- ordered by release month; a report without one is placed as if released in January of the year after its base
-- year (never by file time). Copies of one page (same source, market, release, base and end year, and the same
-- stated figures, whatever their bytes) are one edition: the first by report_id stands for it.
with reports as (
    select * from staging.stg_reports
),

markets as (
    select * from intermediate.int_report_markets
),

figures as (
    select
        report_id,
        md5(string_agg(
            concat_ws('|', metric, scope, dimension, member, within_region, year, period_start_year,
                period_end_year, value_millions, value_high_millions, currency, pct, pct_high),
            ';' order by metric, scope, dimension, member, within_region, year, period_start_year,
                value_millions, pct
        )) as figures_fingerprint
    from staging.stg_stated_figures
    group by report_id
),

sourced as (
    select
        reports.report_id,
        markets.market_id,
        coalesce(markets.publisher_key, 'report:' || reports.report_id) as source_key,
        reports.released_month,
        reports.base_year,
        reports.forecast_end_year,
        coalesce(reports.released_month, cast(reports.base_year + 1 as varchar) || '-01') as release_order,
        coalesce(figures.figures_fingerprint, '') as figures_fingerprint
    from reports
    inner join markets using (report_id)
    left join figures using (report_id)
    where markets.market_id is not null
),

with_copies as (
    select
        *,
        first_value(report_id) over (
            partition by source_key, market_id, released_month, base_year, forecast_end_year, figures_fingerprint
            order by report_id
        ) as edition_report_id
    from sourced
),

numbered as (
    select
        *,
        dense_rank() over (
            partition by source_key, market_id
            order by release_order nulls first, released_month nulls first, base_year, forecast_end_year,
                edition_report_id
        ) as edition
    from with_copies
),

final as (
    select
        report_id,
        market_id,
        source_key,
        edition,
        edition = max(edition) over (partition by source_key, market_id) as is_latest_edition,
        case when report_id <> edition_report_id then edition_report_id end as copy_of_report_id
    from numbered
)

select * from final
