-- id: pipeline_has_schedule
-- title: Enabled image pipelines run on a schedule
-- severity: low
-- benchmarks: build-health
-- rationale: A pipeline without a schedule builds only when someone starts it, so its images age and miss
--   every patch published since. A schedule (with the dependency-updates condition) rebuilds them when
--   their base image or components change.
-- remediation: Give the pipeline a schedule (a cron expression), with pipelineExecutionStartCondition
--   EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE to rebuild only when something changed.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/cron-expressions.html
select arn as resource, account_id, region,
       case when status = 'DISABLED' then 'skip'
            when json_value(schedule, '$.scheduleExpression') is not null then 'ok'
            else 'alarm' end as status,
       'Pipeline ' || name || case
           when status = 'DISABLED' then ' is disabled, so it runs on no schedule.'
           when json_value(schedule, '$.scheduleExpression') is not null
               then ' runs on the schedule ' || json_value(schedule, '$.scheduleExpression') || '.'
           else ' has no schedule: it builds only when started by hand.'
       end as reason
from imagebuilder_image_pipeline
