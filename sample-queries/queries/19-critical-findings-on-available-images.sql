-- Which available images carry critical vulnerabilities? Severity is pushed down to
-- ListImageScanFindings; the image's state comes from its listing.
select f.account_id, f.region, f.image_build_version_arn as image, f.vulnerability_id, f.inspector_score
from imagebuilder_image_scan_finding f
join imagebuilder_image i on i.arn = f.image_build_version_arn
where f.severity = 'CRITICAL' and json_value(i.state, '$.status') = 'AVAILABLE'
order by f.inspector_score desc, f.account_id, image
