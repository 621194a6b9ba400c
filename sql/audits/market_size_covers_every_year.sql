-- A report with stated market totals has a market size for every year it covers.
select years.report_id, years.year
from intermediate.int_report_years as years
semi join intermediate.int_market_anchors as anchors using (report_id)
anti join marts.fct_market_size as sizes using (report_id, year)
