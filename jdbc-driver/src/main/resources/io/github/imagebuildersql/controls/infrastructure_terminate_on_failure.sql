-- id: infrastructure_terminate_on_failure
-- title: Build instances are terminated when a build fails
-- severity: medium
-- benchmarks: foundational
-- rationale: An instance kept after a failed build keeps running with the pipeline's instance profile,
--   half-configured and unpatched, and costs money until someone remembers it.
-- remediation: Set terminateInstanceOnFailure to true on the infrastructure configuration (debug a failed
--   build from its logs in S3 or CloudWatch instead).
-- references: https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_InfrastructureConfiguration.html
select arn as resource, account_id, region,
       case when terminate_instance_on_failure is not false then 'ok' else 'alarm' end as status,
       'Infrastructure configuration ' || name || case
           when terminate_instance_on_failure then ' terminates failed build instances (terminateInstanceOnFailure is true).'
           when terminate_instance_on_failure is null
               then ' terminates failed build instances (terminateInstanceOnFailure is not set, and defaults to true).'
           else ' keeps failed build instances running (terminateInstanceOnFailure is false).'
       end as reason
from imagebuilder_infrastructure_configuration
