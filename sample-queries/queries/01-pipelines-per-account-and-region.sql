-- How many pipelines does each account have in each region, and how many of them are enabled?
select account_id, region, count(*) as pipelines,
       sum(case when status = 'ENABLED' then 1 else 0 end) as enabled
from imagebuilder_image_pipeline
group by account_id, region
order by account_id, region
