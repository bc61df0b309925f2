package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Versioned.item;

import software.amazon.awssdk.services.imagebuilder.model.ComponentVersion;
import software.amazon.awssdk.services.imagebuilder.model.ListComponentsResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_public_component}: Amazon's components (ListComponents with owner Amazon), the same for
 * every account, so each region is listed once. Only {@code name} is pushed down, as for the public images.
 */
public final class PublicComponentTable {
    private PublicComponentTable() {}

    public static final TableDefinition<Versioned<ComponentVersion>> DEFINITION = TableDefinition
            .<Versioned<ComponentVersion>>table("imagebuilder_public_component", "component version")
            .description("Amazon-managed EC2 Image Builder components: one row per component version. They are the "
                    + "same for every account: each region is listed once (ListComponents with owner Amazon), with "
                    + "the first scanned account's credentials.")
            .listedOncePerRegion()
            .calls("ListComponents")
            .listedBy(Versioned.newestOfEachName(new Paged<>("ListComponents", (options, under, token) -> c -> c
                    .listComponents(r -> r.owner(Ownership.AMAZON).filters(options.filtersOrNull()).nextToken(token)),
                    ListComponentsResponse::componentVersionList, ListComponentsResponse::nextToken),
                    ComponentVersion::name, ComponentVersion::version))

            .key(item(ComponentVersion::arn))
            .column("arn", VARCHAR, item(ComponentVersion::arn),
                    "The Amazon Resource Name (ARN) of the component version (.../aws:component/NAME/VERSION).")
            .column("name", VARCHAR, item(ComponentVersion::name), "The name of the component.")
            .column("version", VARCHAR, item(ComponentVersion::version), "The semantic version of the component.")
            .column("description", VARCHAR, item(ComponentVersion::description), "The description of the component.")
            .column("platform", VARCHAR, item(ComponentVersion::platformAsString),
                    "The platform of the component: Windows, Linux or macOS.")
            .column("supported_os_versions", JSON, item(ComponentVersion::supportedOsVersions),
                    "The operating system versions the component supports (JSON list).")
            .column("type", VARCHAR, item(ComponentVersion::typeAsString),
                    "Whether Image Builder uses the component to build the image or only to test it: BUILD or TEST.")
            .column("owner", VARCHAR, item(ComponentVersion::owner), "The owner of the component: Amazon.")
            .column("date_created", TIMESTAMP, item(ComponentVersion::dateCreated),
                    "When the component version was created (UTC).")
            .column("status", VARCHAR, item(ComponentVersion::statusAsString),
                    "The status of the component version: ACTIVE, DEPRECATED or DISABLED.")
            .column("product_codes", JSON, item(ComponentVersion::productCodes),
                    "Product codes used for billing AWS Marketplace components (JSON).")
            .region()
            .column("is_latest", BOOLEAN, Versioned::latest,
                    "Whether this is the newest version of its name in its region (semantic version order).")

            .apiFilter("name", "name")
            .build();
}
