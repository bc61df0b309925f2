package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.PartitionApi;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Workflows, images and components are versioned twice: a List call names the versions the caller sees, a
 * BuildVersions call the builds of each version (a row each), and the Get call one build in full, made only
 * when the query reads a column only it returns. The one listing of the three.
 *
 * @param <V> a version's summary
 * @param <S> a build's summary
 * @param <D> a build in full
 */
public record BuildVersions<V, S, D>(Paged<?, V> versions, Function<V, String> versionArn, Paged<?, S> builds,
        Function<S, String> buildArn, Get<D> get) {

    /** One partition's builds, a page of rows per page of builds. */
    public void list(PartitionApi api, ListOptions options, Consumer<List<Listed<S, D>>> sink) {
        versions.list(api, options, null, page -> page.forEach(version -> builds.list(api, options,
                versionArn.apply(version), found -> sink.accept(get.page(api, found, buildArn, options.detail(), null)))));
    }
}
