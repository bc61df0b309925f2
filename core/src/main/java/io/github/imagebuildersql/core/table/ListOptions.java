package io.github.imagebuildersql.core.table;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.imagebuilder.model.Filter;

/**
 * What a listing is asked for: the filters pushed down from the WHERE clause (API filters, and the
 * listing filters a table interprets itself; filters of ARNs hold only those of the partition listed), and
 * which columns the query reads that only a detail call returns.
 *
 * @param detailColumns the referenced columns that only a detail call returns
 */
public record ListOptions(List<ApiFilter> filters, Set<String> detailColumns) {
    /** Every item, and no detail call: how a child table lists its parents. */
    public static final ListOptions ALL = new ListOptions(List.of(), Set.of());

    /** Whether the query reads any column only a detail call returns. */
    public boolean detail() {
        return !detailColumns.isEmpty();
    }

    /** Whether the query reads a detail column other than these, which the listing can supply itself. */
    public boolean detailBeyond(Set<String> known) {
        return !known.containsAll(detailColumns);
    }

    /** The API filters for a request builder: null, not an empty list, which the API refuses. */
    public List<Filter> filtersOrNull() {
        return filtersOrNull(null);
    }

    /** Only the named API filters (the ones this call accepts): null when there are none. */
    public List<Filter> filtersOrNull(Set<String> accepted) {
        List<Filter> chosen = filters.stream().filter(f -> accepted == null || accepted.contains(f.name()))
                .map(ApiFilter::toSdk).toList();
        return chosen.isEmpty() ? null : chosen;
    }

    /** The values pushed down for one filter name, if any. */
    public Optional<List<String>> values(String filterName) {
        return filters.stream().filter(f -> f.name().equals(filterName)).findFirst().map(ApiFilter::values);
    }
}
