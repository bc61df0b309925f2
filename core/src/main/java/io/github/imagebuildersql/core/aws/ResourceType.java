package io.github.imagebuildersql.core.aws;

import io.github.imagebuildersql.core.partition.Partition;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The kinds of Image Builder resource a table's rows or filters name by ARN, each with the resource part of its
 * ARN as the service model's patterns give it (an ARN of an account's own build version or recipe version, never
 * a wildcard {@code x.x.x}). The one rule for "which partition's calls find what this ARN names": the rule behind
 * key lookups and behind every filter whose values are ARNs.
 */
public enum ResourceType {
    IMAGE_PIPELINE("image-pipeline/[a-z0-9-_]+"),
    WORKFLOW("workflow/(build|test|distribution)/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+"),
    IMAGE("image/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+"),
    IMAGE_RECIPE("image-recipe/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+"),
    CONTAINER_RECIPE("container-recipe/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+"),
    COMPONENT("component/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+"),
    INFRASTRUCTURE_CONFIGURATION("infrastructure-configuration/[a-z0-9-_]+"),
    DISTRIBUTION_CONFIGURATION("distribution-configuration/[a-z0-9-_]+"),
    LIFECYCLE_POLICY("lifecycle-policy/[a-z0-9-_]+");

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private final Pattern resource;

    ResourceType(String resource) {
        this.resource = Pattern.compile(resource);
    }

    /**
     * The account and region whose calls find the resource this ARN names, if it is an Image Builder ARN of this
     * type owned by an account, in the AWS partition its region belongs to; empty for anything else (another type,
     * Amazon's {@code aws} owner, another partition, not an ARN), which no call of any partition would find.
     */
    public Optional<Partition> partitionOf(String arn) {
        return Arn.parse(arn)
                .filter(a -> a.service().equals("imagebuilder"))
                .filter(a -> resource.matcher(a.resource()).matches())
                .filter(a -> ACCOUNT_ID.matcher(a.account()).matches())
                .filter(a -> !a.region().isBlank() && a.partition().equals(awsPartitionOf(a.region())))
                .map(a -> new Partition(a.account(), a.region()));
    }

    /** Whether this ARN names a resource of this type (wherever it is). */
    public boolean names(String arn) {
        return partitionOf(arn).isPresent();
    }

    private static String awsPartitionOf(String region) {
        RegionMetadata metadata = Region.of(region).metadata();
        return metadata == null ? "aws" : metadata.partition().id();
    }
}
