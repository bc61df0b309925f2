-- id: pipeline_enhanced_metadata_enabled
-- title: Image pipelines collect enhanced image metadata
-- severity: medium
-- benchmarks: foundational
-- rationale: Enhanced image metadata records the operating system version and the package list of every
--   image through AWS Systems Manager; without it, an inventory cannot say which images carry a vulnerable
--   package version, and Amazon Inspector cannot scan the image.
-- remediation: Turn on enhanced metadata collection in the pipeline's settings
--   (enhancedImageMetadataEnabled = true); the build instance needs the SSM agent.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/start-build-image-pipeline.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_ImagePipeline.html
select arn as resource, account_id, region,
       case when enhanced_image_metadata_enabled then 'ok' else 'alarm' end as status,
       'Pipeline ' || name || case when enhanced_image_metadata_enabled then ' collects'
                                   else ' does not collect' end
           || ' enhanced image metadata (enhancedImageMetadataEnabled is '
           || case when enhanced_image_metadata_enabled then 'true' when not enhanced_image_metadata_enabled
                   then 'false' else 'not set' end || ').' as reason
from imagebuilder_image_pipeline
