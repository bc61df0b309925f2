-- Which image did each pipeline build last, and did it fail? (GetImage per image: source_pipeline_arn
-- is in GetImage's answer only.)
select account_id, region, pipeline, image, state, date_created
from (select p.account_id, p.region, p.name as pipeline, i.arn as image,
             json_value(i.state, '$.status') as state, i.date_created,
             row_number() over (partition by p.arn order by i.date_created desc) as n
      from imagebuilder_image_pipeline p
      join imagebuilder_image i on i.source_pipeline_arn = p.arn) latest
where n = 1
order by account_id, region, pipeline
