package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.PartitionApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/**
 * One row's API objects: the summary a List call returned, and the full object its Get call returns
 * when the query needs a member only that has. A key lookup has only the Get answer, which says
 * everything. {@code via} is the ARN the listing went through when that fixes a member the summary
 * lacks (the pipeline whose images ListImagePipelineImages listed), else null.
 *
 * @param <S> the List call's summary shape
 * @param <D> the Get call's shape
 */
public record Listed<S, D>(S summary, D detail, String via) {

    public static <S, D> Listed<S, D> of(D detail) {
        return new Listed<>(null, detail, null);
    }

    /** A member both shapes have: from the Get answer when there is one, else from the summary. */
    public static <S, D> Function<Listed<S, D>, Object> either(Function<S, ?> fromSummary, Function<D, ?> fromDetail) {
        return row -> row.detail != null ? fromDetail.apply(row.detail) : fromSummary.apply(row.summary);
    }

    /** A member only the Get call returns: null when the row was listed without it. */
    public static <S, D> Function<Listed<S, D>, Object> detail(Function<D, ?> fromDetail) {
        return row -> row.detail == null ? null : fromDetail.apply(row.detail);
    }

    /** The page's rows; with one Get call per summary (scheduled by {@link PartitionApi#detailCalls}) if asked. */
    public static <S, D> List<Listed<S, D>> page(PartitionApi api, List<S> summaries, boolean detail, String via,
            String operation, Function<S, Function<ImagebuilderClient, D>> get) {
        List<D> details = detail ? api.detailCalls(operation, summaries, get) : null;
        List<Listed<S, D>> rows = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            rows.add(new Listed<>(summaries.get(i), details == null ? null : details.get(i), via));
        }
        return rows;
    }
}
