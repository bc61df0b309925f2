-- id: recipe_deprecated_component
-- title: Recipes use no deprecated or disabled component version
-- severity: medium
-- benchmarks: build-health
-- rationale: A component version is deprecated when its owner has superseded it, often for a fix; a
--   disabled one can no longer be used at all. A recipe that still names one builds with the old version,
--   or fails to build.
-- remediation: Create the recipe's next version with the component's current version (or an x wildcard,
--   such as 2.x.x, which picks the newest usable build), and point the pipeline at it.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/manage-components.html,
--   https://docs.aws.amazon.com/imagebuilder/latest/userguide/ibhow-semantic-versioning.html
-- A recipe names a component build (.../1.0.0/1), a version (.../1.0.0: every build of it counts, and the
-- version is unusable only when all of them are), or an x wildcard (never unusable: Image Builder picks the
-- newest usable build). Components of other owners (Amazon, shared) are not in the inventory and pass.
-- Each component build is found by its own ARN and by its version's ARN (one scan of the components, both
-- keys, so the join is on equality and the components are listed once).
with builds as (
    select arn, json_value(state, '$.status') as status, json_value(state, '$.reason') as why,
           '/' || version || '/' as version_marker
    from imagebuilder_component),
keys as (
    select case when k.n = 1 then b.arn
                else substring(b.arn from 1 for position(b.version_marker in b.arn) + char_length(b.version_marker) - 2)
           end as component_ref, b.arn, b.status, b.why
    from builds b cross join (values (1), (2)) as k(n)),
refs as (
    select rc.recipe_arn, rc.account_id, rc.region, rc.component_arn,
           count(k.arn) as builds,
           count(case when k.status in ('DEPRECATED', 'DISABLED') then 1 end) as unusable,
           min(k.status) as state,
           min(k.why) as why
    from imagebuilder_image_recipe_component rc
    left join keys k on k.component_ref = rc.component_arn
    group by rc.recipe_arn, rc.account_id, rc.region, rc.component_arn)
select recipe_arn as resource, account_id, region,
       case when count(case when builds > 0 and unusable = builds then 1 end) > 0 then 'alarm' else 'ok' end as status,
       'Recipe ' || substring(recipe_arn from position('recipe/' in recipe_arn) + 7) || case
           when count(case when builds > 0 and unusable = builds then 1 end) > 0
               then ' uses ' || listagg(case when builds > 0 and unusable = builds
                   then substring(component_arn from position(':component/' in component_arn) + 11) || ' ('
                       || state || coalesce(': ' || why, '') || ')' end, ', ')
                   within group (order by component_arn) || '.'
           else ' uses no deprecated or disabled component version.'
       end as reason
from refs
group by recipe_arn, account_id, region
