package io.github.imagebuildersql.core.aws;

import java.util.function.BiFunction;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.*;

/**
 * Image Builder's read operations, every Get and List of the service model, each handed to {@link #send}
 * with the client method that sends it; what a subclass does with a request is its own. Tables call the
 * client as the SDK defines it: the builder overloads and paginators are the interface's defaults and come
 * back through these. Anything else is the interface's own UnsupportedOperationException, since the
 * connector only reads. Classes rather than dynamic proxies: a proxy's class looks up every method of the
 * interface, loading the request and response classes of all 77 operations, about 120 ms of CPU in a new
 * process.
 */
abstract class ReadOperations implements ImagebuilderClient {
    /** Sends, or does what the subclass does with, one read operation's request. */
    abstract <Q extends ImagebuilderRequest, R> R send(Q request, BiFunction<ImagebuilderClient, Q, R> operation);

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // a view holds nothing of its own
    }

    @Override
    public GetComponentResponse getComponent(GetComponentRequest request) {
        return send(request, ImagebuilderClient::getComponent);
    }

    @Override
    public GetComponentPolicyResponse getComponentPolicy(GetComponentPolicyRequest request) {
        return send(request, ImagebuilderClient::getComponentPolicy);
    }

    @Override
    public GetContainerRecipeResponse getContainerRecipe(GetContainerRecipeRequest request) {
        return send(request, ImagebuilderClient::getContainerRecipe);
    }

    @Override
    public GetContainerRecipePolicyResponse getContainerRecipePolicy(GetContainerRecipePolicyRequest request) {
        return send(request, ImagebuilderClient::getContainerRecipePolicy);
    }

    @Override
    public GetDistributionConfigurationResponse getDistributionConfiguration(GetDistributionConfigurationRequest request) {
        return send(request, ImagebuilderClient::getDistributionConfiguration);
    }

    @Override
    public GetImageResponse getImage(GetImageRequest request) {
        return send(request, ImagebuilderClient::getImage);
    }

    @Override
    public GetImagePipelineResponse getImagePipeline(GetImagePipelineRequest request) {
        return send(request, ImagebuilderClient::getImagePipeline);
    }

    @Override
    public GetImagePolicyResponse getImagePolicy(GetImagePolicyRequest request) {
        return send(request, ImagebuilderClient::getImagePolicy);
    }

    @Override
    public GetImageRecipeResponse getImageRecipe(GetImageRecipeRequest request) {
        return send(request, ImagebuilderClient::getImageRecipe);
    }

    @Override
    public GetImageRecipePolicyResponse getImageRecipePolicy(GetImageRecipePolicyRequest request) {
        return send(request, ImagebuilderClient::getImageRecipePolicy);
    }

    @Override
    public GetInfrastructureConfigurationResponse getInfrastructureConfiguration(GetInfrastructureConfigurationRequest request) {
        return send(request, ImagebuilderClient::getInfrastructureConfiguration);
    }

    @Override
    public GetLifecycleExecutionResponse getLifecycleExecution(GetLifecycleExecutionRequest request) {
        return send(request, ImagebuilderClient::getLifecycleExecution);
    }

    @Override
    public GetLifecyclePolicyResponse getLifecyclePolicy(GetLifecyclePolicyRequest request) {
        return send(request, ImagebuilderClient::getLifecyclePolicy);
    }

    @Override
    public GetMarketplaceResourceResponse getMarketplaceResource(GetMarketplaceResourceRequest request) {
        return send(request, ImagebuilderClient::getMarketplaceResource);
    }

    @Override
    public GetWorkflowResponse getWorkflow(GetWorkflowRequest request) {
        return send(request, ImagebuilderClient::getWorkflow);
    }

    @Override
    public GetWorkflowExecutionResponse getWorkflowExecution(GetWorkflowExecutionRequest request) {
        return send(request, ImagebuilderClient::getWorkflowExecution);
    }

    @Override
    public GetWorkflowStepExecutionResponse getWorkflowStepExecution(GetWorkflowStepExecutionRequest request) {
        return send(request, ImagebuilderClient::getWorkflowStepExecution);
    }

    @Override
    public ListComponentBuildVersionsResponse listComponentBuildVersions(ListComponentBuildVersionsRequest request) {
        return send(request, ImagebuilderClient::listComponentBuildVersions);
    }

    @Override
    public ListComponentsResponse listComponents(ListComponentsRequest request) {
        return send(request, ImagebuilderClient::listComponents);
    }

    @Override
    public ListContainerRecipesResponse listContainerRecipes(ListContainerRecipesRequest request) {
        return send(request, ImagebuilderClient::listContainerRecipes);
    }

    @Override
    public ListDistributionConfigurationsResponse listDistributionConfigurations(ListDistributionConfigurationsRequest request) {
        return send(request, ImagebuilderClient::listDistributionConfigurations);
    }

    @Override
    public ListImageBuildVersionsResponse listImageBuildVersions(ListImageBuildVersionsRequest request) {
        return send(request, ImagebuilderClient::listImageBuildVersions);
    }

    @Override
    public ListImagePackagesResponse listImagePackages(ListImagePackagesRequest request) {
        return send(request, ImagebuilderClient::listImagePackages);
    }

    @Override
    public ListImagePipelineImagesResponse listImagePipelineImages(ListImagePipelineImagesRequest request) {
        return send(request, ImagebuilderClient::listImagePipelineImages);
    }

    @Override
    public ListImagePipelinesResponse listImagePipelines(ListImagePipelinesRequest request) {
        return send(request, ImagebuilderClient::listImagePipelines);
    }

    @Override
    public ListImageRecipesResponse listImageRecipes(ListImageRecipesRequest request) {
        return send(request, ImagebuilderClient::listImageRecipes);
    }

    @Override
    public ListImageScanFindingAggregationsResponse listImageScanFindingAggregations(ListImageScanFindingAggregationsRequest request) {
        return send(request, ImagebuilderClient::listImageScanFindingAggregations);
    }

    @Override
    public ListImageScanFindingsResponse listImageScanFindings(ListImageScanFindingsRequest request) {
        return send(request, ImagebuilderClient::listImageScanFindings);
    }

    @Override
    public ListImagesResponse listImages(ListImagesRequest request) {
        return send(request, ImagebuilderClient::listImages);
    }

    @Override
    public ListInfrastructureConfigurationsResponse listInfrastructureConfigurations(ListInfrastructureConfigurationsRequest request) {
        return send(request, ImagebuilderClient::listInfrastructureConfigurations);
    }

    @Override
    public ListLifecycleExecutionResourcesResponse listLifecycleExecutionResources(ListLifecycleExecutionResourcesRequest request) {
        return send(request, ImagebuilderClient::listLifecycleExecutionResources);
    }

    @Override
    public ListLifecycleExecutionsResponse listLifecycleExecutions(ListLifecycleExecutionsRequest request) {
        return send(request, ImagebuilderClient::listLifecycleExecutions);
    }

    @Override
    public ListLifecyclePoliciesResponse listLifecyclePolicies(ListLifecyclePoliciesRequest request) {
        return send(request, ImagebuilderClient::listLifecyclePolicies);
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return send(request, ImagebuilderClient::listTagsForResource);
    }

    @Override
    public ListWaitingWorkflowStepsResponse listWaitingWorkflowSteps(ListWaitingWorkflowStepsRequest request) {
        return send(request, ImagebuilderClient::listWaitingWorkflowSteps);
    }

    @Override
    public ListWorkflowBuildVersionsResponse listWorkflowBuildVersions(ListWorkflowBuildVersionsRequest request) {
        return send(request, ImagebuilderClient::listWorkflowBuildVersions);
    }

    @Override
    public ListWorkflowExecutionsResponse listWorkflowExecutions(ListWorkflowExecutionsRequest request) {
        return send(request, ImagebuilderClient::listWorkflowExecutions);
    }

    @Override
    public ListWorkflowStepExecutionsResponse listWorkflowStepExecutions(ListWorkflowStepExecutionsRequest request) {
        return send(request, ImagebuilderClient::listWorkflowStepExecutions);
    }

    @Override
    public ListWorkflowsResponse listWorkflows(ListWorkflowsRequest request) {
        return send(request, ImagebuilderClient::listWorkflows);
    }
}
