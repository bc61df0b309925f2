-- Which builds failed in which workflow step? Each failed workflow run, and the step that failed with its
-- message. The steps are listed for those runs only (a join on the run's ID and image lists no run twice).
select e.account_id, e.region, e.image_build_version_arn, e.type as workflow, s.name as step, s.action, s.message
from imagebuilder_workflow_execution e
join imagebuilder_workflow_step_execution s
  on s.workflow_execution_id = e.workflow_execution_id and s.image_build_version_arn = e.image_build_version_arn
where e.status = 'FAILED' and s.status = 'FAILED'
order by e.account_id, e.region, e.image_build_version_arn, workflow
