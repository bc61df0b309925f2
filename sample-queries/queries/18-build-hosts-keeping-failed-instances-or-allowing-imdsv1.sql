-- Which build hosts keep failed instances running, or allow IMDSv1 (httpTokens optional, the default
-- when unset)?
select account_id, region, name, terminate_instance_on_failure,
       coalesce(json_value(instance_metadata_options, '$.httpTokens'), 'optional (default)') as http_tokens
from imagebuilder_infrastructure_configuration
where terminate_instance_on_failure = false
   or coalesce(json_value(instance_metadata_options, '$.httpTokens'), 'optional') <> 'required'
order by account_id, region, name
