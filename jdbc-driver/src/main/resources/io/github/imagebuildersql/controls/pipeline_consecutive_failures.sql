-- id: pipeline_consecutive_failures
-- title: Image pipelines are not failing build after build
-- severity: medium
-- benchmarks: build-health
-- rationale: A pipeline whose builds keep failing produces no new images: every instance launched meanwhile
--   gets the last good image, with its unpatched packages. Image Builder can disable such a pipeline by
--   itself (autoDisablePolicy), which stops the builds without telling anyone.
-- remediation: Read the failed images' state reason and the build logs, fix the recipe, component or
--   infrastructure that fails, and run the pipeline again; re-enable it if it was disabled.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-pipelines.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_ImagePipeline.html
-- param info_at = 1: Failed builds in a row that make a pipeline info.
-- param alarm_at = 3: Failed builds in a row that raise an alarm.
select arn as resource, account_id, region,
       case when coalesce(consecutive_failures, 0) >= ${alarm_at} then 'alarm'
            when coalesce(consecutive_failures, 0) >= ${info_at} then 'info'
            else 'ok' end as status,
       'Pipeline ' || name || ' has ' || cast(coalesce(consecutive_failures, 0) as varchar)
           || ' failed build(s) in a row (info at ' || cast(${info_at} as varchar) || ', alarm at '
           || cast(${alarm_at} as varchar) || '); its last run is '
           || coalesce(last_run_status, 'unknown') || '.' as reason
from imagebuilder_image_pipeline
