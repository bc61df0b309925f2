-- Which pipelines does cost center cc-2001 pay for?
select account_id, region, name, tags['team'] as team
from imagebuilder_image_pipeline
where tags['cost center'] = 'cc-2001'
order by region, name
