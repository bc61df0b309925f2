-- id: lifecycle_policy_enabled
-- title: Lifecycle policies are enabled
-- severity: low
-- benchmarks: build-health
-- rationale: A disabled lifecycle policy deprecates and deletes nothing: old images, their AMIs and
--   snapshots pile up, stay launchable and cost storage, while the policy suggests they are taken care of.
-- remediation: Enable the policy (status ENABLED), or delete it if it is no longer meant to run.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-lifecycle.html
select arn as resource, account_id, region,
       case when status = 'ENABLED' then 'ok' else 'alarm' end as status,
       'Lifecycle policy ' || name || ' is ' || coalesce(status, 'in no known status') || '.' as reason
from imagebuilder_lifecycle_policy
