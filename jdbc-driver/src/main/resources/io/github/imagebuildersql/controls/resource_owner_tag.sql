-- id: resource_owner_tag
-- title: Image Builder resources carry an owner tag
-- severity: low
-- benchmarks: foundational
-- rationale: When a pipeline fails, an image turns out vulnerable or a configuration shares AMIs outside the
--   organisation, someone has to be told. Without an owner tag nobody knows who, and the finding waits.
-- remediation: Tag the resource with the owner tag key (default team) and the owning team's name; tag
--   policies of AWS Organizations can require it.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/tag-resources.html,
--   https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies.html
-- param owner_tag_key = 'team': The tag key that names a resource's owner.
-- The resources people own and change: pipelines, recipes, components, infrastructure and distribution
-- configurations, lifecycle policies. Images and workflow builds follow from them.
select arn as resource, account_id, region,
       case when coalesce(owner, '') <> '' then 'ok' else 'alarm' end as status,
       -- the ARN after its account: image-pipeline/NAME, component/NAME/VERSION/BUILD, ...
       substring(arn from position(account_part in arn) + 14) || case
           when coalesce(owner, '') <> '' then ' is owned by ' || owner || ' (tag ' || ${owner_tag_key} || ').'
           else ' has no ' || ${owner_tag_key} || ' tag.'
       end as reason
from (select arn, account_id, region, tags[${owner_tag_key}] as owner, ':' || account_id as account_part
      from imagebuilder_image_pipeline
      union all
      select arn, account_id, region, tags[${owner_tag_key}], ':' || account_id from imagebuilder_image_recipe
      union all
      select arn, account_id, region, tags[${owner_tag_key}], ':' || account_id from imagebuilder_container_recipe
      union all
      select arn, account_id, region, tags[${owner_tag_key}], ':' || account_id from imagebuilder_component
      union all
      select arn, account_id, region, tags[${owner_tag_key}], ':' || account_id from imagebuilder_infrastructure_configuration
      union all
      select arn, account_id, region, tags[${owner_tag_key}], ':' || account_id from imagebuilder_distribution_configuration
      union all
      select arn, account_id, region, tags[${owner_tag_key}], ':' || account_id from imagebuilder_lifecycle_policy) owned
