-- id: component_encrypted_cmk
-- title: Components are encrypted with a customer managed KMS key
-- severity: medium
-- benchmarks: encryption
-- rationale: A component's document holds the build's scripts, and often the URLs, package sources and
--   settings an attacker looks for. Image Builder encrypts it with an AWS owned key unless it names a KMS
--   key of yours; only a customer managed key lets you control and audit who decrypts it.
-- remediation: Create the next version of the component with a customer managed key (kmsKeyId); a
--   component's key cannot be changed in place.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/data-protection.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/APIReference/API_Component.html
-- A key ARN, or an alias ARN outside alias/aws/ (AWS managed keys), names a customer managed key: telling
-- the two apart for a key ARN would need KMS's DescribeKey, which this inventory does not call.
select arn as resource, account_id, region,
       case when kms_key_id is not null and kms_key_id not like '%:alias/aws/%' then 'ok' else 'alarm' end as status,
       'Component ' || name || ' ' || version || case
           when kms_key_id is null then ' is encrypted with an AWS owned key (kmsKeyId is not set).'
           when kms_key_id like '%:alias/aws/%' then ' is encrypted with the AWS managed key ' || kms_key_id || '.'
           else ' is encrypted with ' || kms_key_id || '.'
       end as reason
from imagebuilder_component
