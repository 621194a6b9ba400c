-- config(incremental_by='market_id')
-- One row per report loaded into the warehouse: a page under raw/reports/, or a source named only in an analyst
-- facts table. A page that states no figures is here too, with stated_figures = 0. Built whole: a report's market
-- and edition depend on the other reports and on raw/tables/market_aliases.csv.
with reports as (
    select * from staging.stg_reports
),

documents as (
    select report_id, source_format, encoding from staging.stg_documents
),

markets as (
    select * from intermediate.int_report_markets
),

editions as (
    select * from intermediate.int_report_editions
),

figure_counts as (
    select report_id, count(*) as stated_figures
    from staging.stg_stated_figures
    group by report_id
),

final as (
    select
        reports.report_id,
        reports.market,
        reports.publisher,
        reports.title,
        reports.base_year,
        reports.forecast_start_year,
        reports.forecast_end_year,
        reports.released_month,
        reports.source_file,
        reports.sha256,
        reports.pages,
        reports.author,
        reports.base_year_inferred,
        markets.market_id,
        markets.market_rule,
        reports.publisher_key,
        reports.url,
        editions.edition,
        editions.is_latest_edition,
        editions.copy_of_report_id,
        coalesce(documents.source_format, 'table') as source_format,
        documents.encoding,
        coalesce(figure_counts.stated_figures, 0) as stated_figures,
        -- every report of the build; the publish says 'stale: <check>' for one withheld with its last good rows
        'published' as status
    from reports
    left join markets using (report_id)
    left join editions using (report_id)
    left join documents using (report_id)
    left join figure_counts using (report_id)
)

select * from final
