package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every declared table as Trino sees it: the driver's names, columns and descriptions, Trino's types. */
final class TrinoTables {
    static final String SCHEMA = "aws";

    private final Map<String, ConnectorTableMetadata> tables;

    TrinoTables(TrinoTypes types) {
        Map<String, ConnectorTableMetadata> byName = new LinkedHashMap<>();
        for (TableDefinition<?> table : Tables.all()) {
            List<ColumnMetadata> columns = table.columns().stream()
                    .map(c -> ColumnMetadata.builder().setName(c.name()).setType(types.of(c.type()))
                            .setComment(Optional.of(c.description())).build())
                    .toList();
            byName.put(table.name(), new ConnectorTableMetadata(new SchemaTableName(SCHEMA, table.name()), columns,
                    Map.of(), Optional.of(table.description())));
        }
        this.tables = byName;
    }

    List<SchemaTableName> names() {
        return tables.values().stream().map(ConnectorTableMetadata::getTable).toList();
    }

    Optional<ConnectorTableMetadata> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}
