-- Which pipelines still build with install-cloudwatch-agent 1.0.0? Pipelines name one recipe, recipes
-- list their components in order.
select p.account_id, p.region, p.name as pipeline, rc.recipe_type, rc."position", rc.component_arn
from imagebuilder_image_pipeline p
join imagebuilder_image_recipe_component rc
  on rc.recipe_arn = coalesce(p.image_recipe_arn, p.container_recipe_arn)
where rc.component_arn like '%:component/install-cloudwatch-agent/1.0.0/%'
order by account_id, region, pipeline
