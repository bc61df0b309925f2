-- Which columns does this table have? As in PostgreSQL and Trino, from information_schema (no AWS call).
select column_name, data_type, description
from information_schema.columns
where table_name = 'imagebuilder_image_pipeline'
order by ordinal_position
