package io.github.imagebuildersql.connector.table;

import java.util.List;
import software.amazon.awssdk.services.imagebuilder.model.Filter;

/**
 * What a listing is asked for: the API filters pushed down from the WHERE clause, and whether the
 * query selects columns that only a detail call returns.
 */
public record ListOptions(List<Filter> filters, boolean detail) {

    /** The filters for a request builder: null, not an empty list, which the API refuses. */
    public List<Filter> filtersOrNull() {
        return filters.isEmpty() ? null : filters;
    }
}
