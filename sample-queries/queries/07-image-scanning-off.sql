-- Which pipelines produce images without vulnerability scanning?
select account_id, region, name, image_scanning_configuration
from imagebuilder_image_pipeline
where coalesce(json_value(image_scanning_configuration, '$.imageScanningEnabled'), 'false') <> 'true'
order by account_id, name
