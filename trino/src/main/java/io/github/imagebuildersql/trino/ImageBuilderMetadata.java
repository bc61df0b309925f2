package io.github.imagebuildersql.trino;

import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.RelationColumnsMetadata;
import io.trino.spi.connector.SchemaTableName;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Schema {@code aws} and its tables, the same on every node of the cluster. */
final class ImageBuilderMetadata implements ConnectorMetadata {
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
        return tables.table(name.getTableName()).map(t -> new ImageBuilderTableHandle(name.getTableName()))
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

    private ConnectorTableMetadata metadata(ConnectorTableHandle table) {
        return tables.table(((ImageBuilderTableHandle) table).table()).orElseThrow();
    }
}
