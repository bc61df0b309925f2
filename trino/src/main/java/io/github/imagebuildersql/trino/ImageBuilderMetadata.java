package io.github.imagebuildersql.trino;

import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;

import io.airlift.slice.Slice;
import io.github.imagebuildersql.core.scan.ScanRequest;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.connector.LimitApplicationResult;
import io.trino.spi.connector.RelationColumnsMetadata;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Schema {@code aws} and its tables, the same on every node of the cluster, and what a query hands over to the
 * scan: equality and IN lists on string and integer columns (the core plans them: account and region prune
 * splits, the ARN becomes Get calls, List API filters), applied exactly where the core can
 * ({@link ScanRequest#enforceable}); and a LIMIT, which ends each split's listing early. Trino keeps the rest,
 * and prunes columns itself: a split reads only the columns the query uses, so a detail column costs its calls
 * only when it is selected.
 */
final class ImageBuilderMetadata implements ConnectorMetadata {
    /** The types whose point constraints the core takes: Trino gives a varchar as a Slice, an integer as a Long. */
    private static final Set<ColumnType> POINT_TYPES = Set.of(ColumnType.VARCHAR, ColumnType.INTEGER);

    private final TrinoTables tables;

    ImageBuilderMetadata(TrinoTables tables) {
        this.tables = tables;
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session) {
        return List.of(TrinoTables.SCHEMA);
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName) {
        return schemaName.isEmpty() || schemaName.get().equals(TrinoTables.SCHEMA) ? tables.names() : List.of();
    }

    @Override
    public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName name,
            Optional<ConnectorTableVersion> startVersion, Optional<ConnectorTableVersion> endVersion) {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, name + ": the inventory is read as it is now; FOR VERSION and "
                    + "FOR TIMESTAMP are not supported");
        }
        if (!name.getSchemaName().equals(TrinoTables.SCHEMA)) {
            return null;
        }
        return tables.table(name.getTableName()).map(t -> ImageBuilderTableHandle.of(name.getTableName()))
                .orElse(null);
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table) {
        return metadata(table);
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table) {
        Map<String, ColumnHandle> handles = new LinkedHashMap<>();
        for (ColumnMetadata column : metadata(table).getColumns()) {
            handles.put(column.getName(), new ImageBuilderColumnHandle(column.getName()));
        }
        return handles;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table,
            ColumnHandle column) {
        String name = ((ImageBuilderColumnHandle) column).name();
        return metadata(table).getColumns().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    @Override
    public Iterator<RelationColumnsMetadata> streamRelationColumns(ConnectorSession session,
            Optional<String> schemaName, UnaryOperator<Set<SchemaTableName>> relationFilter) {
        Set<SchemaTableName> wanted = relationFilter.apply(Set.copyOf(listTables(session, schemaName)));
        return tables.names().stream().filter(wanted::contains)
                .map(name -> RelationColumnsMetadata.forTable(name, tables.table(name.getTableName()).orElseThrow()
                        .getColumns()))
                .iterator();
    }

    /**
     * Takes the point constraints on string and integer columns into the handle. Returns empty when nothing new
     * was taken: the planner applies filters until a connector says so, and would loop otherwise.
     */
    @Override
    public Optional<ConstraintApplicationResult<ConnectorTableHandle>> applyFilter(ConnectorSession session,
            ConnectorTableHandle table, Constraint constraint) {
        ImageBuilderTableHandle handle = (ImageBuilderTableHandle) table;
        TableDefinition<?> definition = handle.definition();
        TupleDomain<ColumnHandle> summary = constraint.getSummary();
        Map<String, Set<String>> pinned = new HashMap<>(handle.pinned());
        Set<ColumnHandle> taken = new HashSet<>();
        if (summary.isNone()) {
            // no row can match: a column pinned to no value plans no split, whatever columns the table has
            pinned.put(definition.columns().get(0).name(), Set.of());
        } else {
            summary.getDomains().orElseThrow().forEach((column, domain) -> {
                Column<?> c = definition.column(((ImageBuilderColumnHandle) column).name());
                pointValues(c, domain).ifPresent(values -> {
                    pinned.merge(c.name(), values, (a, b) -> a.stream().filter(b::contains).collect(Collectors.toSet()));
                    if (ScanRequest.enforceable(c)) {
                        taken.add(column);
                    }
                });
            });
        }
        if (pinned.equals(handle.pinned())) {
            return Optional.empty();
        }
        return Optional.of(new ConstraintApplicationResult<>(
                new ImageBuilderTableHandle(handle.table(), pinned, handle.limit()),
                summary.filter((column, domain) -> !taken.contains(column)), constraint.getExpression(), false));
    }

    /**
     * The values a string or integer column must take (an integer as its decimal text), if the domain lists them.
     * Trino gives adjacent integers as a range ({@code IN (1, 2)} is {@code BETWEEN 1 AND 2}), which it keeps.
     */
    private static Optional<Set<String>> pointValues(Column<?> column, Domain domain) {
        if (!POINT_TYPES.contains(column.type()) || domain.isNullAllowed() || !domain.getValues().isDiscreteSet()) {
            return Optional.empty();
        }
        return Optional.of(domain.getValues().getDiscreteSet().stream()
                .map(v -> v instanceof Slice text ? text.toStringUtf8() : v.toString()) // varchar, or integer's long
                .collect(Collectors.toSet()));
    }

    /** Each split stops listing once it has this many rows; Trino still applies the LIMIT across splits. */
    @Override
    public Optional<LimitApplicationResult<ConnectorTableHandle>> applyLimit(ConnectorSession session,
            ConnectorTableHandle table, long limit) {
        ImageBuilderTableHandle handle = (ImageBuilderTableHandle) table;
        if (handle.limit() != ScanRequest.NO_LIMIT && handle.limit() <= limit) {
            return Optional.empty();
        }
        return Optional.of(new LimitApplicationResult<>(
                new ImageBuilderTableHandle(handle.table(), handle.pinned(), limit), false, false));
    }

    private ConnectorTableMetadata metadata(ConnectorTableHandle table) {
        return tables.table(((ImageBuilderTableHandle) table).table()).orElseThrow();
    }
}
