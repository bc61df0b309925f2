-- Which pipelines are failing? The first question an operator asks.
select account_id, region, name, last_run_status, consecutive_failures, status
from imagebuilder_image_pipeline
where last_run_status = 'FAILED' or consecutive_failures > 0
order by consecutive_failures desc, name
