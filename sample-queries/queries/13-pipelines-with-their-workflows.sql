-- Which workflows does each pipeline run? A pipeline's `workflows` JSON names workflow versions
-- (.../workflow/TYPE/NAME/VERSION); each version has one or more builds (rows of imagebuilder_workflow).
with w as (
  select account_id, region, type, name, version, date_created,
         '/' || lower(type) || '/' || name || '/' || version || '"' as version_path
  from imagebuilder_workflow)
select p.account_id, p.name as pipeline, w.type, w.name as workflow, w.version,
       count(*) as builds, max(w.date_created) as latest_build
from imagebuilder_image_pipeline p
join w on w.account_id = p.account_id and w.region = p.region
      and position(w.version_path in p.workflows) > 0
group by p.account_id, p.name, w.type, w.name, w.version
order by p.account_id, p.name, w.type
