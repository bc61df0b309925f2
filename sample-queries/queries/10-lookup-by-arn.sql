-- Everything about one pipeline, by ARN: one GetImagePipeline call, no listing.
select name, platform, status, last_run_status, container_recipe_arn, date_created
from imagebuilder_image_pipeline
where arn = 'arn:aws:imagebuilder:us-east-1:222222222222:image-pipeline/fraud-scoring-container'
