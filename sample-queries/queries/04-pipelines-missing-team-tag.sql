-- Which pipelines have no owner: no 'team' tag?
select account_id, region, name, tags
from imagebuilder_image_pipeline
where tags['team'] is null
order by account_id, name
