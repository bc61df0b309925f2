package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.Component;
import software.amazon.awssdk.services.imagebuilder.model.ComponentSummary;
import software.amazon.awssdk.services.imagebuilder.model.ComponentVersion;
import software.amazon.awssdk.services.imagebuilder.model.ListComponentBuildVersionsResponse;
import software.amazon.awssdk.services.imagebuilder.model.ListComponentsResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_component}: one row per component build version the scanned account owns
 * (Amazon-managed, shared and Marketplace components are not its inventory). ListComponents names the
 * versions, ListComponentBuildVersions their builds; data, parameters, kms_key_id, encrypted and
 * product_codes cost one GetComponent per build.
 */
public final class ComponentTable {
    private ComponentTable() {}

    private static final Get<Component> GET = new Get<>("GetComponent",
            arn -> c -> c.getComponent(r -> r.componentBuildVersionArn(arn)).component(), Component::arn);
    private static final BuildVersions<ComponentVersion, ComponentSummary, Component> BUILDS = new BuildVersions<>(
            new Paged<>("ListComponents", (options, under, token) -> c -> c.listComponents(r -> r.owner(Ownership.SELF)
                    .filters(options.filtersOrNull()).nextToken(token)),
                    ListComponentsResponse::componentVersionList, ListComponentsResponse::nextToken), ComponentVersion::arn,
            new Paged<>("ListComponentBuildVersions", (options, version, token) -> c -> c.listComponentBuildVersions(
                    r -> r.componentVersionArn(version).nextToken(token)),
                    ListComponentBuildVersionsResponse::componentSummaryList, ListComponentBuildVersionsResponse::nextToken),
            ComponentSummary::arn, GET);

    public static final TableDefinition<Listed<ComponentSummary, Component>> DEFINITION = TableDefinition
            .<Listed<ComponentSummary, Component>>table("imagebuilder_component", "component build version")
            .description("EC2 Image Builder components: one row per component build version owned by a scanned account.")
            .calls("ListComponents", "ListComponentBuildVersions", "GetComponent", "GetComponentPolicy")
            .listedBy(BUILDS::list)
            .fetchedBy(ResourceType.COMPONENT, GET.lookup(), "arn", "_key")

            .key(either(ComponentSummary::arn, Component::arn))
            .column("arn", VARCHAR, either(ComponentSummary::arn, Component::arn),
                    "The Amazon Resource Name (ARN) of the component build version (.../component/NAME/VERSION/BUILD).")
            .column("name", VARCHAR, either(ComponentSummary::name, Component::name), "The name of the component.")
            .column("version", VARCHAR, either(ComponentSummary::version, Component::version), "The version of the component.")
            .column("description", VARCHAR, either(ComponentSummary::description, Component::description),
                    "The description of the component.")
            .column("change_description", VARCHAR,
                    either(ComponentSummary::changeDescription, Component::changeDescription),
                    "Describes what change has been made in this version of the component, or what makes this "
                            + "version different from other versions of the component.")
            .column("type", VARCHAR, either(ComponentSummary::typeAsString, Component::typeAsString),
                    "Whether Image Builder uses the component to build the image or only to test it: BUILD or TEST.")
            .column("platform", VARCHAR, either(ComponentSummary::platformAsString, Component::platformAsString),
                    "The operating system platform of the component: Windows, Linux or macOS.")
            .column("supported_os_versions", JSON,
                    either(ComponentSummary::supportedOsVersions, Component::supportedOsVersions),
                    "The operating system (OS) versions supported by the component (JSON list).")
            .column("state", JSON, either(ComponentSummary::state, Component::state),
                    "Describes the current status of the component (JSON; status DEPRECATED, DISABLED or ACTIVE).")
            .detailColumn("parameters", JSON, detail(Component::parameters),
                    "Parameter details for each of the parameters that the component document defines "
                            + "(JSON; one GetComponent call per row).")
            .column("owner", VARCHAR, either(ComponentSummary::owner, Component::owner), "The owner of the component.")
            .detailColumn("data", VARCHAR, detail(Component::data),
                    "The YAML document content for the component (one GetComponent call per row).")
            .detailColumn("kms_key_id", VARCHAR, detail(Component::kmsKeyId),
                    "The KMS key identifier used to encrypt the component (one GetComponent call per row).")
            .detailColumn("encrypted", BOOLEAN, detail(Component::encrypted),
                    "The encryption status of the component (one GetComponent call per row).")
            .column("date_created", TIMESTAMP, either(ComponentSummary::dateCreated, Component::dateCreated),
                    "The date that Image Builder created the component (UTC).")
            .column("tags", TAGS, either(ComponentSummary::tags, Component::tags), "The tags that apply to the component.")
            .column("publisher", VARCHAR, either(ComponentSummary::publisher, Component::publisher),
                    "The name of the publisher if this is a third-party component; otherwise empty.")
            .column("obfuscate", BOOLEAN, either(ComponentSummary::obfuscate, Component::obfuscate),
                    "Indicates whether component source is hidden from view in the console and API results.")
            .detailColumn("product_codes", JSON, detail(Component::productCodes),
                    "Product codes used for billing AWS Marketplace components (JSON; one GetComponent call per row).")
            .region()
            .callColumn("resource_policy", JSON, "GetComponentPolicy",
                    arn -> c -> c.getComponentPolicy(r -> r.componentArn(arn)).policy(),
                    "The resource policy that shares the component with other accounts or organizations (JSON); "
                            + "NULL when it has none (one GetComponentPolicy call per row).")

            .apiFilter("description", "description")
            .apiFilter("name", "name")
            .apiFilter("platform", "platform")
            .apiFilter("type", "type")
            .apiFilter("version", "version")
            .build();
}
