-- id: image_recipe_volumes_encrypted_cmk
-- title: Image recipes encrypt their EBS volumes with a customer managed KMS key
-- severity: medium
-- benchmarks: encryption
-- rationale: The volumes a recipe declares become the snapshots of every AMI it builds. Unencrypted, or
--   encrypted with the AWS managed EBS key, those snapshots cannot be shared safely with other accounts and
--   their use cannot be restricted by a key policy.
-- remediation: In the recipe's next version, give every EBS block device mapping encrypted = true and a
--   customer managed key (kmsKeyId).
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/data-protection.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_EbsInstanceBlockDeviceSpecification.html
-- A volume passes when it is encrypted with a key outside alias/aws/ (the AWS managed keys). A recipe that
-- declares no EBS volume is in alarm: its volumes are then the parent image's, with the parent's keys.
select arn as resource, account_id, region,
       case when ebs_volumes > 0 and weak_volumes = '[]' then 'ok' else 'alarm' end as status,
       'Image recipe ' || name || ' ' || version || case
           when ebs_volumes = 0 then ' declares no EBS volume, so its volumes are encrypted (or not) as its parent image''s are.'
           when weak_volumes = '[]' then ' encrypts its EBS volumes with a customer managed key.'
           else ' has EBS volumes without a customer managed key: ' || replace(replace(replace(weak_volumes, '["', ''), '"]', ''), '","', ', ') || '.'
       end as reason
from (select arn, account_id, region, name, version,
             coalesce(cast(json_value(json_query(block_device_mappings, 'lax $[?(@.ebs)]'), 'lax $.length()')
                           as integer), 0) as ebs_volumes,
             json_query(block_device_mappings, 'lax $[?(@.ebs && !(@.ebs.encrypted == true && @.ebs.kmsKeyId =~ /.+/'
                 || ' && !(@.ebs.kmsKeyId =~ /.*:alias\/aws\/.*/)))].deviceName') as weak_volumes
      from imagebuilder_image_recipe) recipes
