-- The market each report is about. An analyst's row in raw/tables/market_aliases.csv wins: one naming the report's
-- id, else one naming the report's market (compared as keys, so any spelling of the name matches); without one,
-- the key the name rule made (pipelines/extract/market_identity.py). market_rule says which decided.
with reports as (
    select * from staging.stg_reports
),

aliases as (
    select * from staging.stg_market_aliases
),

by_report_id as (
    select reports.report_id, aliases.*
    from reports
    inner join aliases on aliases.alias = reports.report_id
    qualify row_number() over (partition by reports.report_id order by aliases.line) = 1
),

by_market_name as (
    select reports.report_id, aliases.*
    from reports
    inner join aliases on aliases.alias_key = reports.rule_market_id
    qualify row_number() over (partition by reports.report_id order by aliases.line) = 1
),

final as (
    select
        reports.report_id,
        coalesce(by_report_id.market_id, by_market_name.market_id, reports.rule_market_id) as market_id,
        coalesce(by_report_id.market_name, by_market_name.market_name, reports.rule_market_name) as market_name,
        coalesce(by_report_id.geography, by_market_name.geography, reports.rule_geography) as geography,
        coalesce(by_report_id.geography_level, by_market_name.geography_level, reports.rule_geography_level)
            as geography_level,
        case
            when by_report_id.market_id is not null
                then by_report_id.source_file || ':' || by_report_id.line || ': report ' || reports.report_id
                    || ' belongs to ' || by_report_id.market_name
            when by_market_name.market_id is not null
                then by_market_name.source_file || ':' || by_market_name.line || ': alias '''
                    || by_market_name.alias || ''' belongs to ' || by_market_name.market_name
            else reports.name_rule
        end as market_rule,
        reports.publisher_key
    from reports
    left join by_report_id using (report_id)
    left join by_market_name using (report_id)
)

select * from final
