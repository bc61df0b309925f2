-- How many workflow builds of each type does the organisation own?
select type, count(*) as builds
from imagebuilder_workflow
group by type
order by type
