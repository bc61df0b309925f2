-- Which images contain openssl older than 3.0.7? Versions compared as numbers: 1.x and 2.x, and 3.0.0 to
-- 3.0.6 (3.0.10 is newer than 3.0.7), whatever the distribution's release suffix.
select p.account_id, p.region, i.name as image, i.version, p.image_build_version_arn, p.package_version
from imagebuilder_image_package p
join imagebuilder_image i on i.arn = p.image_build_version_arn
where p.package_name = 'openssl'
  and (p.package_version similar to '[0-2].%' or p.package_version similar to '3.0.[0-6]([^0-9]%)?')
order by p.account_id, p.region, p.image_build_version_arn
