-- Which pipelines only ever run by hand (no schedule)?
select account_id, region, name, status
from imagebuilder_image_pipeline
where schedule is null
order by account_id, name
