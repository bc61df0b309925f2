-- Which workflow builds are deprecated, and why?
select account_id, region, name, version, arn, json_value(state, '$.reason') as reason
from imagebuilder_workflow
where json_value(state, '$.status') = 'DEPRECATED'
order by account_id, name
