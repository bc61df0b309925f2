-- id: distribution_within_organization
-- title: Distribution configurations send images only to accounts of the organisation
-- severity: high
-- benchmarks: foundational
-- rationale: Launch permissions, cross-account copies and launch templates in other accounts hand the
--   image, and everything baked into it, to those accounts. An account outside the organisation is outside
--   its guardrails (SCPs, logging, offboarding), and is often a leftover of a vendor or a test.
-- remediation: Remove the account from the distribution configuration's launch permissions
--   (launchPermission.userIds, organizationArns, organizationalUnitArns), cross-account copies
--   (targetAccountIds) and launch template configurations, or list it in trusted_accounts if it is
--   meant to receive the images.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/manage-distribution-settings.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/userguide/cross-account-dist.html
-- param trusted_accounts = '': Accounts that may receive images besides the scanned ones: a comma list of 12-digit account IDs.
-- The organisation, as far as the inventory knows it: the scanned accounts that own a pipeline, the
-- configuration's own account, and trusted_accounts. An organization or OU ARN is inside when its management
-- account is. (Each table is read once: the pipelines for the accounts, the configurations row by row.)
with scanned as (
    select coalesce(listagg(distinct '''' || account_id || '''', ','), '''none''') as quoted,
           coalesce(listagg(distinct account_id, '|'), 'none') as alternatives
    from imagebuilder_image_pipeline),
inside as (
    select case when trusted = '' then quoted else quoted || ',''' || replace(trusted, ',', ''',''') || '''' end as quoted,
           case when trusted = '' then alternatives else alternatives || '|' || replace(trusted, ',', '|') end
               as alternatives
    from scanned cross join (select replace(${trusted_accounts}, ' ', '') as trusted from (values (0)) v) t),
outside as (
    select d.arn, d.account_id, d.region, d.name,
           json_query(d.distributions, 'lax $[*].amiDistributionConfiguration.launchPermission.userIds[?(@ nin ['
               || i.quoted || ',''' || d.account_id || '''])]') as launch_accounts,
           json_query(d.distributions, 'lax $[*].amiDistributionConfiguration.launchPermission.organizationArns'
               || '[?(@ =~ /arn:[^:]+:organizations::(?!(?:' || i.alternatives || '|' || d.account_id || '):).*/)]')
               as launch_organizations,
           json_query(d.distributions, 'lax $[*].amiDistributionConfiguration.launchPermission.organizationalUnitArns'
               || '[?(@ =~ /arn:[^:]+:organizations::(?!(?:' || i.alternatives || '|' || d.account_id || '):).*/)]')
               as launch_units,
           json_query(d.distributions, 'lax $[*].amiDistributionConfiguration.targetAccountIds[?(@ nin ['
               || i.quoted || ',''' || d.account_id || '''])]') as copy_accounts,
           json_query(d.distributions, 'lax $[*].launchTemplateConfigurations[?(@.accountId nin ['
               || i.quoted || ',''' || d.account_id || '''])].accountId') as template_accounts
    from imagebuilder_distribution_configuration d cross join inside i),
destinations as (
    select arn, account_id, region, name,
           case when launch_accounts = '[]' then '' else '; launch permission for ' || launch_accounts end
           || case when launch_organizations = '[]' then '' else '; launch permission for ' || launch_organizations end
           || case when launch_units = '[]' then '' else '; launch permission for ' || launch_units end
           || case when copy_accounts = '[]' then '' else '; copies to ' || copy_accounts end
           || case when template_accounts = '[]' then '' else '; launch templates in ' || template_accounts end
           as outside_the_organisation
    from outside)
select arn as resource, account_id, region,
       case when outside_the_organisation = '' then 'ok' else 'alarm' end as status,
       'Distribution configuration ' || name || case
           when outside_the_organisation = '' then ' sends images only to accounts of the organisation.'
           else ' sends images outside the organisation: '
               || replace(replace(replace(substring(outside_the_organisation from 3), '["', ''), '"]', ''), '","', ', ')
               || '.'
       end as reason
from destinations
