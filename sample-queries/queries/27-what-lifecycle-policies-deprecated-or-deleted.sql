-- What did our lifecycle policies deprecate or delete last night? (The demo estate is frozen in time; against a
-- live estate write e.start_time >= current_timestamp - interval '1' day.) Images first, then the AMIs and
-- container images distributed from them.
select e.account_id, e.region, e.lifecycle_policy_arn, e.start_time as run_started,
       json_value(r.action, '$.name') as action, r.resource_id, r.resource_region,
       json_value(r.state, '$.status') as status, r.parent_resource_id
from imagebuilder_lifecycle_execution e
join imagebuilder_lifecycle_execution_resource r on r.lifecycle_execution_id = e.lifecycle_execution_id
where e.start_time >= timestamp '2024-09-01 00:00:00' and e.start_time < timestamp '2024-09-02 00:00:00'
  and json_value(r.action, '$.name') in ('DEPRECATE', 'DELETE', 'DISABLE')
order by e.account_id, e.region, r.parent_resource_id nulls first, r.resource_id
