-- config(incremental_by='report_id')
-- One row per dated development: its month, lead company, kind and deal amount, with the sentence.
with developments as (
    select * from staging.stg_developments
),

companies as (
    select * from staging.stg_development_companies
),

lead_and_partners as (
    select
        development_id,
        max(company) filter (where role = 'lead') as company,
        string_agg(company, '; ' order by position) filter (where role = 'partner') as partners
    from companies
    group by development_id
),

final as (
    select
        developments.development_id,
        developments.report_id,
        developments.month,
        lead_and_partners.company,
        developments.kind,
        developments.amount_usd_m,
        developments.quote,
        developments.char_start,
        developments.char_end,
        lead_and_partners.partners,
        developments.amount_currency
    from developments
    left join lead_and_partners using (development_id)
    order by developments.report_id, developments.char_start
)

select * from final
