package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;

/** Resource policies of the sample estate: what account 111111111111 shares, and with whom. */
class ResourcePolicyTest extends SampleEstateTest {
    static final String CIS = PREFIX + "component/cis-level2-hardening/2.0.0/1";

    @Test
    void aComponentSharedOutsideTheOrganisationNamesTheOutsideAccount() throws Exception {
        String policy = imagebuilder.getComponentPolicy(r -> r.componentArn(CIS)).policy();

        assertEquals(Json.MAPPER.readTree(emulator.fixture().account("111111111111").region("us-east-1")
                .resourcePolicies().get(CIS)), Json.MAPPER.readTree(policy));
        List<String> outside = new ArrayList<>(principalAccounts(policy));
        outside.removeAll(emulator.fixture().accounts().keySet());
        assertEquals(List.of("999988887777"), outside);
        assertEquals(1, emulator.stats().inPartition("111111111111", "us-east-1", "GetComponentPolicy"));
    }

    @Test
    void imagesAndImageRecipesAnswerTheirPolicies() throws Exception {
        assertEquals(Set.of("222222222222"), Set.copyOf(principalAccounts(imagebuilder.getImagePolicy(r -> r.imageArn(
                PREFIX + "image/ci-runner-al2023/3.2.0/3")).policy())));
        assertEquals(Set.of("444444444444"), Set.copyOf(principalAccounts(imagebuilder.getImageRecipePolicy(
                r -> r.imageRecipeArn(PREFIX + "image-recipe/bastion-cis/1.0.3")).policy())));
    }

    @Test
    void aContainerRecipeAnswersItsPolicyInItsOwnAccount() throws Exception {
        String arn = "arn:aws:imagebuilder:us-east-1:222222222222:container-recipe/fraud-scoring/1.9.2";
        try (StsClient sts = Sdk.of(emulator).sts(); ImagebuilderClient payments = Sdk.of(emulator, sts.assumeRole(r -> r
                .roleArn("arn:aws:iam::222222222222:role/ImageBuilderInventoryRole").roleSessionName("policies"))
                .credentials()).imagebuilder("us-east-1")) {
            assertEquals(List.of("333333333333"), principalAccounts(payments.getContainerRecipePolicy(
                    r -> r.containerRecipeArn(arn)).policy()));
        }
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getContainerRecipePolicy(
                r -> r.containerRecipeArn(arn)), "another account's view has no such policy");
    }

    @Test
    void aResourceWithoutAPolicyIsResourceNotFound() {
        var e = assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getImagePolicy(r -> r.imageArn(
                PREFIX + "image/ci-runner-al2023/3.2.0/1")));
        assertEquals(404, e.statusCode());
        assertTrue(e.getMessage().contains("ci-runner-al2023/3.2.0/1"), e.getMessage());
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getComponentPolicy(r -> r.componentArn(
                PREFIX + "component/cis-level2-hardening/1.0.0/1")));
    }

    @Test
    void anArnOfAnotherShapeIsAnInvalidRequest() {
        var e = assertThrows(InvalidRequestException.class, () -> imagebuilder.getImagePolicy(r -> r.imageArn(
                PREFIX + "image/ci-runner-al2023/3.2.0")));
        assertTrue(e.getMessage().contains("ImageBuildVersionArn"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> imagebuilder.getComponentPolicy(r -> r.componentArn(
                PREFIX + "image/ci-runner-al2023/3.2.0/3")));
    }

    /** The accounts a policy's statements allow, from principals written as account IDs or root ARNs. */
    static List<String> principalAccounts(String policy) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (JsonNode statement : Json.MAPPER.readTree(policy).get("Statement")) {
            JsonNode aws = statement.path("Principal").path("AWS");
            for (JsonNode p : aws.isArray() ? aws : Json.MAPPER.createArrayNode().add(aws)) {
                String[] arn = p.asText().split(":");
                accounts.add(arn.length > 4 ? arn[4] : arn[0]);
            }
        }
        return accounts;
    }
}
