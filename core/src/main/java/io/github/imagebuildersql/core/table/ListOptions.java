package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.Arn;
import io.github.imagebuildersql.core.partition.Partition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.imagebuilder.model.Filter;

/**
 * What a listing is asked for: the filters pushed down from the WHERE clause (API filters, and the
 * listing filters a table interprets itself), and which columns the query reads that only a detail
 * call returns.
 *
 * @param detailColumns the referenced columns that only a detail call returns
 */
public record ListOptions(List<ApiFilter> filters, Set<String> detailColumns) {
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

    /**
     * Of the ARNs pushed down under this filter name, those of this kind of resource in the given
     * partition: the others can name nothing a call in this partition would find.
     */
    public Optional<List<String>> arnsIn(String filterName, Partition partition, Pattern resource) {
        return values(filterName).map(arns -> arns.stream()
                .filter(a -> Arn.parse(a).filter(arn -> arn.service().equals("imagebuilder")
                        && arn.account().equals(partition.account()) && arn.region().equals(partition.region())
                        && resource.matcher(arn.resource()).matches()).isPresent())
                .toList());
    }
}
