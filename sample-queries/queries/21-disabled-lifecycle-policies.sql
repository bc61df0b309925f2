-- Which lifecycle policies are disabled, so old images are no longer deprecated or deleted?
select account_id, region, name, resource_type, description
from imagebuilder_lifecycle_policy
where status = 'DISABLED'
order by account_id, region, name
