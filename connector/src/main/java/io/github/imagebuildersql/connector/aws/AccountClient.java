package io.github.imagebuildersql.connector.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderServiceClientConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.*;

/**
 * A region's Image Builder client seen from one account: every request it is given is sent with that
 * account's credentials ({@code overrideConfiguration().credentialsProvider}), so one client per region
 * serves every account. It forwards Image Builder's read operations, every Get and List of the service
 * model, so tables call the client as the SDK defines it (the builder overloads and paginators come
 * back through these); anything else is the SDK interface's own UnsupportedOperationException, since the
 * connector only reads. A class rather than a dynamic proxy: a proxy's class looks up every method of the
 * interface, loading some 300 request and response classes, about 120 ms of CPU in every process.
 */
final class AccountClient implements ImagebuilderClient {
    private final ImagebuilderClient regional;
    private final AwsCredentialsProvider credentials;

    AccountClient(ImagebuilderClient regional, AwsCredentialsProvider credentials) {
        this.regional = regional;
        this.credentials = credentials;
    }

    @SuppressWarnings("unchecked") // toBuilder().build() is the request's own class
    private <T extends ImagebuilderRequest> T signed(T request) {
        AwsRequestOverrideConfiguration.Builder o = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        return (T) request.toBuilder().overrideConfiguration(o.credentialsProvider(credentials).build()).build();
    }

    @Override
    public String serviceName() {
        return regional.serviceName();
    }

    @Override
    public ImagebuilderServiceClientConfiguration serviceClientConfiguration() {
        return regional.serviceClientConfiguration();
    }

    @Override
    public void close() {
        // the regional client belongs to the connection
    }

    @Override
    public String toString() {
        return "AccountClient[" + regional.serviceClientConfiguration().region() + "]";
    }

    @Override
    public GetComponentResponse getComponent(GetComponentRequest request) {
        return regional.getComponent(signed(request));
    }

    @Override
    public GetComponentPolicyResponse getComponentPolicy(GetComponentPolicyRequest request) {
        return regional.getComponentPolicy(signed(request));
    }

    @Override
    public GetContainerRecipeResponse getContainerRecipe(GetContainerRecipeRequest request) {
        return regional.getContainerRecipe(signed(request));
    }

    @Override
    public GetContainerRecipePolicyResponse getContainerRecipePolicy(GetContainerRecipePolicyRequest request) {
        return regional.getContainerRecipePolicy(signed(request));
    }

    @Override
    public GetDistributionConfigurationResponse getDistributionConfiguration(GetDistributionConfigurationRequest request) {
        return regional.getDistributionConfiguration(signed(request));
    }

    @Override
    public GetImageResponse getImage(GetImageRequest request) {
        return regional.getImage(signed(request));
    }

    @Override
    public GetImagePipelineResponse getImagePipeline(GetImagePipelineRequest request) {
        return regional.getImagePipeline(signed(request));
    }

    @Override
    public GetImagePolicyResponse getImagePolicy(GetImagePolicyRequest request) {
        return regional.getImagePolicy(signed(request));
    }

    @Override
    public GetImageRecipeResponse getImageRecipe(GetImageRecipeRequest request) {
        return regional.getImageRecipe(signed(request));
    }

    @Override
    public GetImageRecipePolicyResponse getImageRecipePolicy(GetImageRecipePolicyRequest request) {
        return regional.getImageRecipePolicy(signed(request));
    }

    @Override
    public GetInfrastructureConfigurationResponse getInfrastructureConfiguration(GetInfrastructureConfigurationRequest request) {
        return regional.getInfrastructureConfiguration(signed(request));
    }

    @Override
    public GetLifecycleExecutionResponse getLifecycleExecution(GetLifecycleExecutionRequest request) {
        return regional.getLifecycleExecution(signed(request));
    }

    @Override
    public GetLifecyclePolicyResponse getLifecyclePolicy(GetLifecyclePolicyRequest request) {
        return regional.getLifecyclePolicy(signed(request));
    }

    @Override
    public GetMarketplaceResourceResponse getMarketplaceResource(GetMarketplaceResourceRequest request) {
        return regional.getMarketplaceResource(signed(request));
    }

    @Override
    public GetWorkflowResponse getWorkflow(GetWorkflowRequest request) {
        return regional.getWorkflow(signed(request));
    }

    @Override
    public GetWorkflowExecutionResponse getWorkflowExecution(GetWorkflowExecutionRequest request) {
        return regional.getWorkflowExecution(signed(request));
    }

    @Override
    public GetWorkflowStepExecutionResponse getWorkflowStepExecution(GetWorkflowStepExecutionRequest request) {
        return regional.getWorkflowStepExecution(signed(request));
    }

    @Override
    public ListComponentBuildVersionsResponse listComponentBuildVersions(ListComponentBuildVersionsRequest request) {
        return regional.listComponentBuildVersions(signed(request));
    }

    @Override
    public ListComponentsResponse listComponents(ListComponentsRequest request) {
        return regional.listComponents(signed(request));
    }

    @Override
    public ListContainerRecipesResponse listContainerRecipes(ListContainerRecipesRequest request) {
        return regional.listContainerRecipes(signed(request));
    }

    @Override
    public ListDistributionConfigurationsResponse listDistributionConfigurations(ListDistributionConfigurationsRequest request) {
        return regional.listDistributionConfigurations(signed(request));
    }

    @Override
    public ListImageBuildVersionsResponse listImageBuildVersions(ListImageBuildVersionsRequest request) {
        return regional.listImageBuildVersions(signed(request));
    }

    @Override
    public ListImagePackagesResponse listImagePackages(ListImagePackagesRequest request) {
        return regional.listImagePackages(signed(request));
    }

    @Override
    public ListImagePipelineImagesResponse listImagePipelineImages(ListImagePipelineImagesRequest request) {
        return regional.listImagePipelineImages(signed(request));
    }

    @Override
    public ListImagePipelinesResponse listImagePipelines(ListImagePipelinesRequest request) {
        return regional.listImagePipelines(signed(request));
    }

    @Override
    public ListImageRecipesResponse listImageRecipes(ListImageRecipesRequest request) {
        return regional.listImageRecipes(signed(request));
    }

    @Override
    public ListImageScanFindingAggregationsResponse listImageScanFindingAggregations(ListImageScanFindingAggregationsRequest request) {
        return regional.listImageScanFindingAggregations(signed(request));
    }

    @Override
    public ListImageScanFindingsResponse listImageScanFindings(ListImageScanFindingsRequest request) {
        return regional.listImageScanFindings(signed(request));
    }

    @Override
    public ListImagesResponse listImages(ListImagesRequest request) {
        return regional.listImages(signed(request));
    }

    @Override
    public ListInfrastructureConfigurationsResponse listInfrastructureConfigurations(ListInfrastructureConfigurationsRequest request) {
        return regional.listInfrastructureConfigurations(signed(request));
    }

    @Override
    public ListLifecycleExecutionResourcesResponse listLifecycleExecutionResources(ListLifecycleExecutionResourcesRequest request) {
        return regional.listLifecycleExecutionResources(signed(request));
    }

    @Override
    public ListLifecycleExecutionsResponse listLifecycleExecutions(ListLifecycleExecutionsRequest request) {
        return regional.listLifecycleExecutions(signed(request));
    }

    @Override
    public ListLifecyclePoliciesResponse listLifecyclePolicies(ListLifecyclePoliciesRequest request) {
        return regional.listLifecyclePolicies(signed(request));
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return regional.listTagsForResource(signed(request));
    }

    @Override
    public ListWaitingWorkflowStepsResponse listWaitingWorkflowSteps(ListWaitingWorkflowStepsRequest request) {
        return regional.listWaitingWorkflowSteps(signed(request));
    }

    @Override
    public ListWorkflowBuildVersionsResponse listWorkflowBuildVersions(ListWorkflowBuildVersionsRequest request) {
        return regional.listWorkflowBuildVersions(signed(request));
    }

    @Override
    public ListWorkflowExecutionsResponse listWorkflowExecutions(ListWorkflowExecutionsRequest request) {
        return regional.listWorkflowExecutions(signed(request));
    }

    @Override
    public ListWorkflowStepExecutionsResponse listWorkflowStepExecutions(ListWorkflowStepExecutionsRequest request) {
        return regional.listWorkflowStepExecutions(signed(request));
    }

    @Override
    public ListWorkflowsResponse listWorkflows(ListWorkflowsRequest request) {
        return regional.listWorkflows(signed(request));
    }
}
