-- id: pipeline_image_scanning_enabled
-- title: Image pipelines scan the images they build for vulnerabilities
-- severity: high
-- benchmarks: foundational
-- rationale: Without image scanning, Amazon Inspector never looks at the images a pipeline builds, and
--   vulnerable packages reach every instance launched from them unnoticed.
-- remediation: Turn on security scanning in the pipeline's settings (imageScanningConfiguration,
--   imageScanningEnabled = true; for container images also name the ECR repository to scan), and enable
--   Amazon Inspector in the account.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-vulnerability-scanning.html
select arn as resource, account_id, region,
       case when json_value(image_scanning_configuration, '$.imageScanningEnabled') = 'true' then 'ok'
            else 'alarm' end as status,
       case when json_value(image_scanning_configuration, '$.imageScanningEnabled') = 'true'
                 then 'Pipeline ' || name || ' scans its images (imageScanningEnabled is true).'
            else 'Pipeline ' || name || ' does not scan its images (imageScanningEnabled is '
                 || coalesce(json_value(image_scanning_configuration, '$.imageScanningEnabled'), 'not set') || ').'
       end as reason
from imagebuilder_image_pipeline
