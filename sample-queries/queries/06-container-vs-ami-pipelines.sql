-- How many pipelines build container images, and how many build AMIs?
select case when container_recipe_arn is not null then 'container' else 'AMI' end as builds,
       count(*) as pipelines
from imagebuilder_image_pipeline
group by case when container_recipe_arn is not null then 'container' else 'AMI' end
order by builds
