-- Which Windows pipelines do not collect OS version and package inventory?
select account_id, region, name, enhanced_image_metadata_enabled
from imagebuilder_image_pipeline
where platform = 'Windows' and enhanced_image_metadata_enabled is not true
order by account_id, name
