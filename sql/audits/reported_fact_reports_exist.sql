-- Every fact belongs to a report in dim_report.
select facts.fact_id, facts.report_id
from marts.fct_reported_fact as facts
anti join marts.dim_report as reports using (report_id)
