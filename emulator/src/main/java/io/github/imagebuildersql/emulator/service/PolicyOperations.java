package io.github.imagebuildersql.emulator.service;

import io.github.imagebuildersql.emulator.wire.Json;
import java.util.Map;

/**
 * The resource policies of images, components and image and container recipes: the document attached to the
 * exact ARN asked for, as JSON text. A resource without one (or no such resource) is the model's
 * ResourceNotFoundException, as in AWS.
 */
final class PolicyOperations {
    private final Requests requests;

    PolicyOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        Map.of("GetImagePolicy", "imageArn", "GetComponentPolicy", "componentArn",
                "GetImageRecipePolicy", "imageRecipeArn", "GetContainerRecipePolicy", "containerRecipeArn")
                .forEach((operation, parameter) -> operations.put(operation, (call, data) -> {
                    String arn = requests.requiredParameter(call, parameter);
                    String policy = data.resourcePolicies().get(arn);
                    if (policy == null) {
                        throw requests.error("ResourceNotFoundException", "No policy is attached to " + arn + ".");
                    }
                    return Json.MAPPER.createObjectNode().put("policy", policy);
                }));
    }
}
