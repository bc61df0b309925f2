package io.github.imagebuildersql.trino;

import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static io.trino.spi.type.VarcharType.VARCHAR;

import io.github.imagebuildersql.connector.table.ColumnType;
import io.github.imagebuildersql.connector.table.ComponentTable;
import io.github.imagebuildersql.connector.table.ContainerRecipeTable;
import io.github.imagebuildersql.connector.table.DistributionConfigurationTable;
import io.github.imagebuildersql.connector.table.ImagePipelineTable;
import io.github.imagebuildersql.connector.table.ImageRecipeTable;
import io.github.imagebuildersql.connector.table.ImageScanFindingTable;
import io.github.imagebuildersql.connector.table.ImageTable;
import io.github.imagebuildersql.connector.table.InfrastructureConfigurationTable;
import io.github.imagebuildersql.connector.table.LifecyclePolicyTable;
import io.github.imagebuildersql.connector.table.RecipeComponentTable;
import io.github.imagebuildersql.connector.table.TableDefinition;
import io.github.imagebuildersql.connector.table.WorkflowTable;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.MapType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared tables as Trino sees them: the driver's names, columns and descriptions, with tags as
 * {@code map(varchar, varchar)}, instants as {@code timestamp(3) with time zone} in UTC, and JSON members as
 * the API's JSON text in {@code varchar}, which Trino's JSON_VALUE and JSON_QUERY read as they are.
 */
final class TrinoTables {
    static final String SCHEMA = "aws";

    // Until the core's table registry: every declared table, in the driver's order.
    static final List<TableDefinition<?>> DEFINITIONS = List.of(ImagePipelineTable.DEFINITION,
            WorkflowTable.DEFINITION, ImageTable.DEFINITION, ImageRecipeTable.DEFINITION,
            ContainerRecipeTable.DEFINITION, RecipeComponentTable.DEFINITION, ComponentTable.DEFINITION,
            InfrastructureConfigurationTable.DEFINITION, DistributionConfigurationTable.DEFINITION,
            LifecyclePolicyTable.DEFINITION, ImageScanFindingTable.DEFINITION);

    private final Map<String, ConnectorTableMetadata> tables;

    TrinoTables(TypeManager types) {
        Type tags = new MapType(VARCHAR, VARCHAR, types.getTypeOperators());
        Map<String, ConnectorTableMetadata> byName = new LinkedHashMap<>();
        for (TableDefinition<?> table : DEFINITIONS) {
            List<ColumnMetadata> columns = table.columns().stream()
                    .map(c -> ColumnMetadata.builder().setName(c.name()).setType(type(c.type(), tags))
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

    private static Type type(ColumnType type, Type tags) {
        return switch (type) {
            case VARCHAR, JSON -> VARCHAR;
            case BOOLEAN -> BOOLEAN;
            case INTEGER -> INTEGER;
            case DOUBLE -> DOUBLE;
            case TIMESTAMP -> TIMESTAMP_TZ_MILLIS;
            case TAGS -> tags;
        };
    }
}
