-- id: container_recipe_storage_encrypted_cmk
-- title: Container recipes encrypt their build instance's storage with a customer managed KMS key
-- severity: medium
-- benchmarks: encryption
-- rationale: The build instance of a container recipe pulls base layers, secrets from the build and the
--   image itself onto its EBS volumes. Unencrypted, or encrypted with the AWS managed EBS key, their use
--   cannot be restricted by a key policy.
-- remediation: In the recipe's next version, give every EBS block device mapping of its instance
--   configuration encrypted = true and a customer managed key (kmsKeyId).
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/data-protection.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_InstanceConfiguration.html
-- As for image recipes: a volume passes when it is encrypted with a key outside alias/aws/; declaring no
-- EBS volume leaves the instance image's own volumes, which is an alarm.
select arn as resource, account_id, region,
       case when ebs_volumes > 0 and weak_volumes = '[]' then 'ok' else 'alarm' end as status,
       'Container recipe ' || name || ' ' || version || case
           when ebs_volumes = 0 then ' declares no EBS volume for its build instance, so its storage is encrypted (or not) as the instance image''s is.'
           when weak_volumes = '[]' then ' encrypts its build instance''s EBS volumes with a customer managed key.'
           else ' has build instance EBS volumes without a customer managed key: ' || replace(replace(replace(weak_volumes, '["', ''), '"]', ''), '","', ', ') || '.'
       end as reason
from (select arn, account_id, region, name, version,
             coalesce(cast(json_value(json_query(instance_configuration, 'lax $.blockDeviceMappings[?(@.ebs)]'),
                                      'lax $.length()') as integer), 0) as ebs_volumes,
             json_query(instance_configuration, 'lax $.blockDeviceMappings[?(@.ebs && !(@.ebs.encrypted == true'
                 || ' && @.ebs.kmsKeyId =~ /.+/ && !(@.ebs.kmsKeyId =~ /.*:alias\/aws\/.*/)))].deviceName') as weak_volumes
      from imagebuilder_container_recipe) recipes
