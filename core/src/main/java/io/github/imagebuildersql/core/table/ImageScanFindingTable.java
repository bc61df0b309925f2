package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.DOUBLE;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.imagebuilder.model.ImageScanFinding;
import software.amazon.awssdk.services.imagebuilder.model.ImageScanFindingsFilter;
import software.amazon.awssdk.services.imagebuilder.model.ListImageScanFindingsResponse;

/**
 * {@code aws.imagebuilder_image_scan_finding}: the vulnerabilities Amazon Inspector found in the images
 * Image Builder scanned, one row per finding. ListImageScanFindings accepts one filter with one value:
 * the most selective pushed-down constraint is sent, one listing per value of its IN list; Calcite
 * checks the others.
 */
public final class ImageScanFindingTable {
    private ImageScanFindingTable() {}

    /** The API's filters, most selective first. */
    private static final List<String> FILTERS = List.of("imageBuildVersionArn", "imagePipelineArn", "vulnerabilityId",
            "severity");

    public static final TableDefinition<ImageScanFinding> DEFINITION = TableDefinition.<ImageScanFinding>table(
                    "imagebuilder_image_scan_finding", "finding")
            .description("EC2 Image Builder image scan findings: one row per vulnerability Amazon Inspector found in a "
                    + "scanned image.")
            .calls("ListImageScanFindings")
            .listedBy(ImageScanFindingTable::list)

            .key(f -> f.imageBuildVersionArn() + "#" + vulnerabilityId(f),
                    "the image build version's ARN, '#', and the vulnerability ID")
            .column("image_build_version_arn", VARCHAR, ImageScanFinding::imageBuildVersionArn,
                    "The Amazon Resource Name (ARN) of the image build version that's associated with the finding.")
            .column("image_pipeline_arn", VARCHAR, ImageScanFinding::imagePipelineArn,
                    "The Amazon Resource Name (ARN) of the image pipeline that's associated with the finding.")
            .column("type", VARCHAR, ImageScanFinding::type,
                    "The type of the finding: Image Builder keeps PACKAGE_VULNERABILITY findings.")
            .column("description", VARCHAR, ImageScanFinding::description, "The description of the finding.")
            .column("title", VARCHAR, ImageScanFinding::title, "The title of the finding.")
            .column("remediation", JSON, ImageScanFinding::remediation,
                    "Details about how to remediate the finding (JSON).")
            .column("severity", VARCHAR, ImageScanFinding::severity,
                    "The severity of the finding, such as CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNTRIAGED.")
            .column("first_observed_at", TIMESTAMP, ImageScanFinding::firstObservedAt,
                    "When the finding was first observed (UTC).")
            .column("updated_at", TIMESTAMP, ImageScanFinding::updatedAt, "When the finding was last updated (UTC).")
            .column("inspector_score", DOUBLE, ImageScanFinding::inspectorScore,
                    "The score that Amazon Inspector assigned for the finding.")
            .column("inspector_score_details", JSON, ImageScanFinding::inspectorScoreDetails,
                    "Details of the Amazon Inspector score (JSON).")
            .column("package_vulnerability_details", JSON, ImageScanFinding::packageVulnerabilityDetails,
                    "The details of a package vulnerability finding: vulnerable packages, CVSS, sources (JSON).")
            .column("fix_available", VARCHAR, ImageScanFinding::fixAvailable,
                    "Whether a fix is available for any of the packages in the finding through a version update.")
            .region()
            .column("vulnerability_id", VARCHAR, ImageScanFindingTable::vulnerabilityId,
                    "The identifier of the vulnerability, such as a CVE ID (from package_vulnerability_details).")

            .apiFilter("image_build_version_arn", "imageBuildVersionArn", ResourceType.IMAGE)
            .apiFilter("image_pipeline_arn", "imagePipelineArn", ResourceType.IMAGE_PIPELINE)
            .apiFilter("vulnerability_id", "vulnerabilityId")
            .apiFilter("severity", "severity")
            .build();

    private static String vulnerabilityId(ImageScanFinding f) {
        return f.packageVulnerabilityDetails() == null ? null : f.packageVulnerabilityDetails().vulnerabilityId();
    }

    /** The pushed-down constraint with the fewest values is sent, one listing per value. */
    private static void list(PartitionApi api, ListOptions options, Consumer<List<ImageScanFinding>> sink) {
        Optional<Map.Entry<String, List<String>>> chosen = Optional.empty();
        for (String name : FILTERS) {
            Optional<List<String>> values = options.values(name);
            if (values.isPresent() && (chosen.isEmpty() || values.get().size() < chosen.get().getValue().size())) {
                chosen = Optional.of(Map.entry(name, values.get()));
            }
        }
        if (chosen.isEmpty()) {
            listFindings(api, null, sink);
            return;
        }
        for (String value : chosen.get().getValue()) {
            listFindings(api, ImageScanFindingsFilter.builder().name(chosen.get().getKey()).values(value).build(), sink);
        }
    }

    private static void listFindings(PartitionApi api, ImageScanFindingsFilter filter,
            Consumer<List<ImageScanFinding>> sink) {
        api.pages("ListImageScanFindings",
                token -> c -> c.listImageScanFindings(r -> r.filters(filter == null ? null : List.of(filter))
                        .nextToken(token)),
                ListImageScanFindingsResponse::findings, ListImageScanFindingsResponse::nextToken, sink);
    }
}
