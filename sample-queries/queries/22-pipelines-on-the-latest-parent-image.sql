-- Is each pipeline's parent image the latest Amazon-managed version? Every pipeline whose recipe builds on an
-- Amazon-managed image: the version it asks for (x.x.x asks for the latest each time it builds) and the latest
-- version of that image in its region.
select p.account_id, p.region, p.name as pipeline, r.parent_image, latest.version as latest_version,
       r.parent_image = latest.arn or r.parent_image like '%/x.x.x' as on_latest
from imagebuilder_image_pipeline p
join imagebuilder_image_recipe r on r.arn = p.image_recipe_arn
join imagebuilder_public_image latest
  on latest.region = p.region and latest.is_latest
 and r.parent_image like substring(latest.arn from 1 for char_length(latest.arn) - char_length(latest.version)) || '%'
order by on_latest, p.account_id, p.region, pipeline
