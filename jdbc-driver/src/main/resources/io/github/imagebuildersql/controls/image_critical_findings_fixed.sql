-- id: image_critical_findings_fixed
-- title: Images carry no critical vulnerability that has a fix
-- severity: high
-- benchmarks: foundational
-- rationale: A critical vulnerability with a fix available is the cheapest serious risk to remove: a
--   rebuild picks the fixed package up. An available image that still carries one hands it to every
--   instance launched from it.
-- remediation: Rebuild the image (run its pipeline, with update components such as update-linux), then
--   deprecate the vulnerable build; a lifecycle policy can deprecate old builds automatically.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-vulnerability-scanning.html,
--   https://docs.aws.amazon.com/inspector/latest/user/findings-understanding-severity.html
-- Only images that can still be launched (AVAILABLE, DEPRECATED) and were scanned to the end are judged. The
-- findings are counted, not filtered, so their listing is the same request for every control that reads them.
select i.arn as resource, i.account_id, i.region,
       case when json_value(i.state, '$.status') not in ('AVAILABLE', 'DEPRECATED') then 'skip'
            when coalesce(json_value(i.scan_state, '$.status'), 'none') <> 'COMPLETED' then 'skip'
            when coalesce(f.fixable, 0) > 0 then 'alarm'
            else 'ok' end as status,
       'Image ' || substring(i.arn from position(':image/' in i.arn) + 7) || case
           when json_value(i.state, '$.status') not in ('AVAILABLE', 'DEPRECATED')
               then ' is ' || json_value(i.state, '$.status') || ': it cannot be launched.'
           when coalesce(json_value(i.scan_state, '$.status'), 'none') <> 'COMPLETED'
               then ' was not scanned (scan ' || coalesce(json_value(i.scan_state, '$.status'), 'not run')
                   || coalesce(': ' || json_value(i.scan_state, '$.reason'), '') || ').'
           when coalesce(f.fixable, 0) > 0
               then ' has ' || cast(f.fixable as varchar) || ' critical finding(s) with a fix available: ' || f.fixable_ids || '.'
           else ' has no critical finding with a fix available.'
       end as reason
from imagebuilder_image i
left join (select image_build_version_arn,
                  count(case when severity = 'CRITICAL' and fix_available in ('YES', 'PARTIAL') then 1 end) as fixable,
                  listagg(case when severity = 'CRITICAL' and fix_available in ('YES', 'PARTIAL')
                               then vulnerability_id end, ', ') within group (order by vulnerability_id) as fixable_ids
           from imagebuilder_image_scan_finding
           group by image_build_version_arn) f on f.image_build_version_arn = i.arn
