-- Which builds are waiting for a manual approval? The workflow steps waiting for someone to act
-- (SendWorkflowStepAction), and since when.
select account_id, region, image_build_version_arn, name as step, start_time as waiting_since, step_execution_id
from imagebuilder_waiting_workflow_step
order by waiting_since
