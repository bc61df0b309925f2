-- id: ami_not_public
-- title: Distribution configurations do not make AMIs public
-- severity: critical
-- benchmarks: foundational
-- rationale: A launch permission for the group "all" makes every AMI the configuration distributes public:
--   anyone can launch it and read its snapshots, with whatever the build left on them.
-- remediation: Remove "all" from launchPermission.userGroups in every region of the distribution
--   configuration; share with accounts, organizations or organizational units instead. Then make the AMIs
--   already distributed private (ec2 modify-image-attribute).
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/manage-distribution-settings.html,
--   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html
select arn as resource, account_id, region,
       case when public_regions = '[]' then 'ok' else 'alarm' end as status,
       'Distribution configuration ' || name || case
           when public_regions = '[]' then ' makes no AMI public.'
           else ' makes its AMIs public (launch permission for group all) in '
               || replace(replace(replace(replace(public_regions, '[', ''), ']', ''), '"', ''), ',', ', ') || '.'
       end as reason
from (select arn, account_id, region, name,
             coalesce(json_query(distributions,
                 'lax $[?(@.amiDistributionConfiguration.launchPermission.userGroups anyof [''all''])].region'), '[]')
                 as public_regions
      from imagebuilder_distribution_configuration) configurations
