-- Which of our images, components and recipes are shared outside the organisation? Each account their resource
-- policies grant to (the first ten principals of the first five statements) that is not one of the
-- organisation's: list yours in organisation (accounts=org scans the ACTIVE ones). One Get*Policy call per
-- image, component and recipe.
with organisation(account_id) as (values '111111111111', '222222222222', '333333333333', '444444444444'),
shared as (
  select 'image' as kind, account_id, region, arn, resource_policy from imagebuilder_image
  union all
  select 'component', account_id, region, arn, resource_policy from imagebuilder_component
  union all
  select 'image recipe', account_id, region, arn, resource_policy from imagebuilder_image_recipe
  union all
  select 'container recipe', account_id, region, arn, resource_policy from imagebuilder_container_recipe
),
principals as (
  select s.kind, s.account_id, s.region, s.arn,
         json_value(s.resource_policy, 'lax $.Statement[' || cast(st.n as varchar) || '].Principal.AWS['
                    || cast(p.n as varchar) || ']') as principal
  from shared s
  cross join (values 0, 1, 2, 3, 4) as st(n)
  cross join (values 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) as p(n)
  where s.resource_policy is not null
)
select kind, account_id, region, arn, substring(principal from 14 for 12) as shared_with
from principals
where principal like 'arn:aws:iam::%'
  and substring(principal from 14 for 12) not in (select account_id from organisation)
order by account_id, region, arn, shared_with
