-- id: pipeline_latest_image_age
-- title: Enabled image pipelines have a recent available image
-- severity: medium
-- benchmarks: build-health
-- rationale: An image is as old as its newest patch. A pipeline whose newest available image is months old
--   launches instances with months of missing security fixes, whether it stopped running or keeps failing.
-- remediation: Find out why the pipeline has not produced an image (no schedule, failing builds, disabled
--   dependencies) and run it; schedule it to rebuild at least every max_age_days days.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-pipelines.html
-- param max_age_days = 30: Days after which a pipeline's newest available image is too old.
-- GetImage answers source_pipeline_arn, one call per image.
select p.arn as resource, p.account_id, p.region,
       case when p.status = 'DISABLED' then 'skip'
            when latest.date_created is null
              or latest.date_created < current_timestamp - ${max_age_days} * interval '1' day then 'alarm'
            else 'ok' end as status,
       'Pipeline ' || p.name || case
           when p.status = 'DISABLED' then ' is disabled.'
           when latest.date_created is null then ' has no available image.'
           else '''s newest available image was created on ' || substring(cast(latest.date_created as varchar) from 1 for 10)
               || ', ' || cast(timestampdiff(day, latest.date_created, current_timestamp) as varchar) || ' days ago ('
               || case when latest.date_created < current_timestamp - ${max_age_days} * interval '1' day
                       then 'more' else 'not more' end
               || ' than ' || cast(${max_age_days} as varchar) || ').'
       end as reason
from imagebuilder_image_pipeline p
left join (select source_pipeline_arn, max(date_created) as date_created
           from imagebuilder_image
           where json_value(state, '$.status') = 'AVAILABLE'
           group by source_pipeline_arn) latest on latest.source_pipeline_arn = p.arn
