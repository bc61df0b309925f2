package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.PartitionApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/**
 * A table's Get call: the whole object an ARN names, for a key lookup or for the members the List call's
 * summaries lack ({@link Listed}).
 *
 * @param <D> the Get call's shape
 */
public record Get<D>(String operation, Function<String, Function<ImagebuilderClient, D>> call,
        Function<D, String> arnOf) {

    /** The key lookup: the object, or empty when there is none or the answer names another (a version's build). */
    public <S> TableDefinition.Getter<Listed<S, D>> lookup() {
        return (api, arn) -> api.getOrEmpty(operation, call.apply(arn)).filter(d -> arn.equals(arnOf.apply(d)))
                .map(Listed::of);
    }

    /**
     * A page of summaries as rows, with this Get for each (scheduled by {@link PartitionApi#detailCalls}) when the
     * query reads a column only the Get returns ({@code detail}). {@code via} is what {@link Listed#via} says.
     */
    public <S> List<Listed<S, D>> page(PartitionApi api, List<S> summaries, Function<S, String> arnOfSummary,
            boolean detail, String via) {
        List<D> details = detail ? api.detailCalls(operation, summaries, s -> call.apply(arnOfSummary.apply(s)))
                : null;
        List<Listed<S, D>> rows = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            rows.add(new Listed<>(summaries.get(i), details == null ? null : details.get(i), via));
        }
        return rows;
    }
}
