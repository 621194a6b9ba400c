-- Every integrity check of the forecasts passes: stated figures reproduced, members adding up to the market,
-- no negative values, room left by the stated figures, a cube consistent with both margins. The failing rows
-- name the report, dimension, year and figures concerned.
select report_id, check_name, dimension, member, period, stated, implied, detail
from marts.audit_consistency
where blocking and not passed
