-- What will build next?
select date_next_run, account_id, region, name, json_value(schedule, '$.scheduleExpression') as schedule
from imagebuilder_image_pipeline
where status = 'ENABLED' and date_next_run is not null
order by date_next_run, account_id, region, name
limit 5
