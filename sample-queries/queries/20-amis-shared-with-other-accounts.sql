-- Which AMIs are shared with other accounts, organizations or everyone (userGroups "all")? Every image
-- that produced an AMI (deprecated ones are still launchable), with its distribution configuration's
-- launch permissions and cross-account copies.
select i.account_id, i.region, i.name as image, json_value(i.output_resources, '$.amis[0].image') as ami,
       json_value(i.state, '$.status') as state, d.name as distribution,
       json_query(d.distributions, 'lax $[*].amiDistributionConfiguration.launchPermission'
                  with conditional array wrapper) as launch_permissions,
       json_query(d.distributions, 'lax $[*].amiDistributionConfiguration.targetAccountIds'
                  with conditional array wrapper) as copied_to_accounts
from imagebuilder_image i
join imagebuilder_distribution_configuration d on d.arn = i.distribution_configuration_arn
where json_value(i.output_resources, '$.amis[0].image') is not null
  and (d.distributions like '%"launchPermission"%' or d.distributions like '%"targetAccountIds"%')
order by i.account_id, i.region, image, ami
