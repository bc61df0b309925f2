package io.github.imagebuildersql.core.table;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.imagebuilder.model.Workflow;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowParameterDetail;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowState;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowSummary;

/**
 * One workflow build version: what ListWorkflowBuildVersions says of it, and what GetWorkflow adds
 * when the query needs it. A point lookup has only the GetWorkflow answer, which says everything.
 */
public record WorkflowBuild(WorkflowSummary summary, Workflow detail) {

    public static WorkflowBuild of(Workflow workflow) {
        return new WorkflowBuild(null, workflow);
    }

    public String arn() {
        return detail != null ? detail.arn() : summary.arn();
    }

    public String name() {
        return detail != null ? detail.name() : summary.name();
    }

    public String version() {
        return detail != null ? detail.version() : summary.version();
    }

    public String description() {
        return detail != null ? detail.description() : summary.description();
    }

    public String changeDescription() {
        return detail != null ? detail.changeDescription() : summary.changeDescription();
    }

    public String type() {
        return detail != null ? detail.typeAsString() : summary.typeAsString();
    }

    public String owner() {
        return detail != null ? detail.owner() : summary.owner();
    }

    public WorkflowState state() {
        return detail != null ? detail.state() : summary.state();
    }

    public String dateCreated() {
        return detail != null ? detail.dateCreated() : summary.dateCreated();
    }

    public Map<String, String> tags() {
        boolean has = detail != null ? detail.hasTags() : summary.hasTags();
        return has ? (detail != null ? detail.tags() : summary.tags()) : null;
    }

    public String data() {
        return detail == null ? null : detail.data();
    }

    public String kmsKeyId() {
        return detail == null ? null : detail.kmsKeyId();
    }

    public List<WorkflowParameterDetail> parameters() {
        return detail == null || !detail.hasParameters() ? null : detail.parameters();
    }
}
