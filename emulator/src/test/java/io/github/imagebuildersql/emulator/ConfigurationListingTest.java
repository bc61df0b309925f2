package io.github.imagebuildersql.emulator;

import static io.github.imagebuildersql.emulator.ImageListingTest.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.model.DistributionConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.DistributionConfigurationSummary;
import software.amazon.awssdk.services.imagebuilder.model.InfrastructureConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.InfrastructureConfigurationSummary;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.LifecyclePolicy;
import software.amazon.awssdk.services.imagebuilder.model.LifecyclePolicyStatus;
import software.amazon.awssdk.services.imagebuilder.model.LifecyclePolicySummary;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;

/** Infrastructure and distribution configurations and lifecycle policies of account 111111111111 in us-east-1. */
class ConfigurationListingTest extends SampleEstateTest {

    @Test
    void infrastructureConfigurationSummariesAgreeWithTheFullConfigurations() {
        List<InfrastructureConfigurationSummary> list = imagebuilder.listInfrastructureConfigurations(r -> { })
                .infrastructureConfigurationSummaryList();

        assertEquals(List.of("ci-builders", "ci-builders-windows", "ops-builders"),
                list.stream().map(InfrastructureConfigurationSummary::name).toList());
        for (InfrastructureConfigurationSummary s : list) {
            SummaryAssertions.assertSummaryAgrees(s, imagebuilder.getInfrastructureConfiguration(r -> r
                    .infrastructureConfigurationArn(s.arn())).infrastructureConfiguration());
        }
    }

    @Test
    void getInfrastructureConfigurationAnswersFailureAndMetadataSettings() {
        InfrastructureConfiguration windows = imagebuilder.getInfrastructureConfiguration(r -> r
                .infrastructureConfigurationArn(PREFIX + "infrastructure-configuration/ci-builders-windows"))
                .infrastructureConfiguration();
        InfrastructureConfiguration ops = imagebuilder.getInfrastructureConfiguration(r -> r
                .infrastructureConfigurationArn(PREFIX + "infrastructure-configuration/ops-builders"))
                .infrastructureConfiguration();

        assertFalse(windows.terminateInstanceOnFailure());
        assertEquals("optional", ops.instanceMetadataOptions().httpTokens());
        assertNull(ops.description());
        var e = assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getInfrastructureConfiguration(r -> r
                .infrastructureConfigurationArn(PREFIX + "infrastructure-configuration/gone")));
        assertEquals(404, e.statusCode());
    }

    @Test
    void configurationsFilterByNameOnly() {
        assertEquals(1, imagebuilder.listInfrastructureConfigurations(r -> r.filters(filter("name", "ops-builders")))
                .infrastructureConfigurationSummaryList().size());
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listDistributionConfigurations(r -> r.filters(
                filter("region", "us-east-1"))));
    }

    @Test
    void distributionSummariesNameTheRegionsAndGetAnswersLaunchPermissions() {
        List<DistributionConfigurationSummary> list = imagebuilder.listDistributionConfigurations(r -> { })
                .distributionConfigurationSummaryList();
        assertEquals(List.of("us-east-1", "us-west-2", "eu-west-1"), list.get(0).regions());
        assertEquals(List.of("us-east-1"), list.get(1).regions());

        DistributionConfiguration ci = imagebuilder.getDistributionConfiguration(r -> r
                .distributionConfigurationArn(list.get(0).arn())).distributionConfiguration();
        assertEquals(List.of("222222222222", "333333333333"),
                ci.distributions().get(0).amiDistributionConfiguration().launchPermission().userIds());
        for (DistributionConfigurationSummary s : list) {
            SummaryAssertions.assertSummaryAgrees(s, imagebuilder.getDistributionConfiguration(r -> r
                    .distributionConfigurationArn(s.arn())).distributionConfiguration());
        }
    }

    @Test
    void lifecyclePoliciesFilterByStatusAndAnswerTimestamps() {
        List<LifecyclePolicySummary> disabled = imagebuilder.listLifecyclePolicies(r -> r.filters(
                filter("Status", "DISABLED"))).lifecyclePolicySummaryList();
        assertEquals(List.of("delete-unused-bastions"), disabled.stream().map(LifecyclePolicySummary::name).toList());
        assertEquals(disabled, imagebuilder.listLifecyclePolicies(r -> r.filters(filter("status", "DISABLED")))
                .lifecyclePolicySummaryList());

        LifecyclePolicy enabled = imagebuilder.getLifecyclePolicy(r -> r.lifecyclePolicyArn(
                PREFIX + "lifecycle-policy/deprecate-old-ci-amis")).lifecyclePolicy();
        assertEquals(LifecyclePolicyStatus.ENABLED, enabled.status());
        assertEquals(Instant.parse("2024-11-21T03:00:00Z"), enabled.dateLastRun());
        assertEquals(90, enabled.policyDetails().get(0).filter().value());
        for (LifecyclePolicySummary s : imagebuilder.listLifecyclePolicies(r -> { }).lifecyclePolicySummaryList()) {
            SummaryAssertions.assertSummaryAgrees(s,
                    imagebuilder.getLifecyclePolicy(r -> r.lifecyclePolicyArn(s.arn())).lifecyclePolicy());
        }
    }
}
