package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.PartitionApi;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/**
 * One paged List operation of a table: the request for a page, given the query's list options, the ARN the
 * listing is under (a version's, a parent's; null for a partition's top-level listing) and the page token; and
 * what a page holds.
 *
 * @param <P> the response shape
 * @param <I> the items of a page
 */
public record Paged<P, I>(String operation, Request<P> request, Function<P, List<I>> items,
        Function<P, String> nextToken) {

    /** The call that asks for one page. */
    @FunctionalInterface
    public interface Request<P> {
        Function<ImagebuilderClient, P> page(ListOptions options, String under, String token);
    }

    /**
     * Runs a listing under something that may not exist (named by the query, or gone since it was listed):
     * ResourceNotFoundException means it has nothing to list.
     */
    public static void ifFound(Runnable listing) {
        try {
            listing.run();
        } catch (PartitionApi.ApiCallException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    /** Every page, handed to the sink as it arrives. */
    public void list(PartitionApi api, ListOptions options, String under, Consumer<List<I>> sink) {
        api.pages(operation, token -> request.page(options, under, token), items, nextToken, sink);
    }
}
