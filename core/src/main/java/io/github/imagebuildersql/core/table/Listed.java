package io.github.imagebuildersql.core.table;

import java.util.function.Function;

/**
 * One row's API objects: the summary a List call returned, and the full object its Get call returns
 * when the query needs a member only that has ({@link Get#page}). A key lookup has only the Get answer, which
 * says everything. {@code via} is the ARN the listing went through when that fixes a member the summary
 * lacks (the pipeline whose images ListImagePipelineImages listed), else null. The one way a table combines a
 * summary with its detail.
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
}
