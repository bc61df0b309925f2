-- id: infrastructure_imdsv2_required
-- title: Build instances require IMDSv2
-- severity: high
-- benchmarks: foundational
-- rationale: Build instances hold the pipeline's instance profile credentials. IMDSv1 answers any request
--   from the instance, so a server-side request forgery in a component or a test hands those credentials
--   out; IMDSv2 (session tokens) blocks it. AWS's default is optional, which allows IMDSv1.
-- remediation: Set instanceMetadataOptions.httpTokens to required on the infrastructure configuration
--   (with httpPutResponseHopLimit 2 for container builds).
-- references: https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_InstanceMetadataOptions.html,
--   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
select arn as resource, account_id, region,
       case when json_value(instance_metadata_options, '$.httpTokens') = 'required' then 'ok'
            else 'alarm' end as status,
       'Infrastructure configuration ' || name || case
           when json_value(instance_metadata_options, '$.httpTokens') = 'required'
               then ' requires IMDSv2 (httpTokens is required).'
           when json_value(instance_metadata_options, '$.httpTokens') is null
               then ' allows IMDSv1 (httpTokens is not set, and defaults to optional).'
           else ' allows IMDSv1 (httpTokens is ' || json_value(instance_metadata_options, '$.httpTokens') || ').'
       end as reason
from imagebuilder_infrastructure_configuration
