-- id: container_recipe_dockerfile_encrypted_cmk
-- title: Container recipes encrypt their Dockerfile template and image with a customer managed KMS key
-- severity: low
-- benchmarks: encryption
-- rationale: A container recipe's KMS key encrypts its Dockerfile template and the container image it
--   distributes. Without a key of yours, an AWS owned key is used, and you cannot control or audit who
--   decrypts them.
-- remediation: Create the recipe's next version with a customer managed key (kmsKeyId); a recipe's key
--   cannot be changed in place.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/data-protection.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_ContainerRecipe.html
select arn as resource, account_id, region,
       case when kms_key_id is not null and kms_key_id not like '%:alias/aws/%' then 'ok' else 'alarm' end as status,
       'Container recipe ' || name || ' ' || version || case
           when kms_key_id is null then ' is encrypted with an AWS owned key (kmsKeyId is not set).'
           when kms_key_id like '%:alias/aws/%' then ' is encrypted with the AWS managed key ' || kms_key_id || '.'
           else ' is encrypted with ' || kms_key_id || '.'
       end as reason
from imagebuilder_container_recipe
