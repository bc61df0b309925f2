-- What changed recently? (The demo estate is frozen in time; against a live estate write
-- date_updated >= current_timestamp - interval '7' day.)
select account_id, region, name, date_updated
from imagebuilder_image_pipeline
where date_updated >= timestamp '2024-11-01 00:00:00'
order by date_updated desc
