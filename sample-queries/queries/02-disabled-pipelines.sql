-- Which pipelines are disabled, and since when have they not been touched?
select account_id, region, name, date_updated
from imagebuilder_image_pipeline
where status = 'DISABLED'
order by date_updated
