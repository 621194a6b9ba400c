-- config(incremental_by='report_id')
-- Figures that pin a member's value in a year: a stated value ('reported'), else a stated share of that year's
-- market total ('derived'). A second, different statement for the same member and year is not an anchor; it
-- shows in audit_consistency.
with figures as (
    select * from staging.stg_stated_figures
    where scope in ('region', 'segment') and within_region is null
),

members as (
    select * from intermediate.int_forecast_members
),

market as (
    select report_id, year, value_usd_m as market_value
    from intermediate.int_market_size
),

member_figures as (
    select figures.*
    from figures
    semi join members
        on figures.report_id = members.report_id
        and figures.dimension = members.dimension
        and figures.member = members.member
),

stated_values as (
    select
        report_id,
        dimension,
        member,
        year,
        value_usd_m,
        'reported' as basis,
        'stated for ' || year as method,
        fact_id,
        1 as precedence,
        statement_order
    from member_figures
    where metric = 'value' and year is not null and value_usd_m is not null and value_high_usd_m is null
),

stated_shares as (
    select
        member_figures.report_id,
        member_figures.dimension,
        member_figures.member,
        member_figures.year,
        member_figures.pct / 100 * market.market_value as value_usd_m,
        'derived' as basis,
        'its stated ' || member_figures.pct || '% share of the ' || member_figures.year || ' market total' as method,
        member_figures.fact_id,
        2 as precedence,
        member_figures.statement_order
    from member_figures
    inner join market using (report_id, year)
    where member_figures.metric = 'share' and member_figures.pct_high is null
),

candidates as (
    select * from stated_values
    union all
    select * from stated_shares
),

ranked as (
    select * from candidates
    qualify row_number() over (
        partition by report_id, dimension, member, year order by precedence, statement_order
    ) = 1
),

final as (
    select report_id, dimension, member, year, value_usd_m, basis, method, fact_id
    from ranked
)

select * from final
