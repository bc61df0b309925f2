package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.PartitionApi;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The listing of a table whose rows belong to parents (an image's packages, a workflow run's steps): one paged
 * List call per parent. The parents are the ones the query names (a listing filter, {@code parentFilter}), or else
 * the partition's, listed first. A parent that does not exist (named by the query, or gone since it was listed)
 * has no children; a named one that cannot be an ID of its kind ({@code key}) is not asked for.
 *
 * @param parents lists the partition's parents' keys, given the query's options
 * @param key whether a key can be a parent's, per the service model
 */
public record Children<P, I>(String parentFilter, Predicate<String> key, TableDefinition.Lister<String> parents,
        Paged<P, I> children) {

    public void list(PartitionApi api, ListOptions options, Consumer<List<Child<P, I>>> sink) {
        Optional<List<String>> named = options.values(parentFilter);
        if (named.isPresent()) {
            named.get().stream().filter(key).forEach(k -> childrenOf(api, options, k, sink));
        } else {
            parents.list(api, options, keys -> keys.forEach(k -> childrenOf(api, options, k, sink)));
        }
    }

    private void childrenOf(PartitionApi api, ListOptions options, String parent, Consumer<List<Child<P, I>>> sink) {
        Paged.ifFound(() -> api.pages(children.operation(), token -> children.request().page(options, parent, token),
                page -> children.items().apply(page).stream().map(i -> new Child<>(parent, page, i)).toList(),
                children.nextToken(), sink));
    }
}
