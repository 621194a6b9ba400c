-- Every stated market total appears unchanged in fct_market_size, marked 'reported'.
select anchors.report_id, anchors.year, anchors.value_usd_m as stated, sizes.value_usd_m as published, sizes.basis
from intermediate.int_market_anchors as anchors
left join marts.fct_market_size as sizes using (report_id, year)
where sizes.value_usd_m is distinct from anchors.value_usd_m or sizes.basis <> 'reported'
