package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.scan.Inventory;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * Schema {@code aws}: the inventory's tables for one connection, sharing its {@link Inventory} (clients and
 * scope). A table's definition is built when a statement first names the table (see {@link Tables}).
 */
public final class ImageBuilderSchema extends AbstractSchema implements AutoCloseable {
    public static final String NAME = "aws";

    private final Inventory inventory;
    private final Map<String, ImageBuilderTable<?>> tables = new ConcurrentHashMap<>();
    private final Lookup<Table> lookup = new CompatibilityLookup<>(this::table, Tables::names);
    private volatile boolean pushdown = true;

    public ImageBuilderSchema(ConnectorConfig config) {
        this.inventory = new Inventory(config);
    }

    /**
     * The types a result column can have: its own table's column type when the result names one of our
     * tables (building only that one), otherwise the types of every table's column of that name.
     */
    public static Set<ColumnType> columnTypes(String table, String column) {
        TableDefinition<?> own = Tables.definition(table);
        return (own != null ? List.<TableDefinition<?>>of(own) : Tables.all()).stream()
                .flatMap(t -> t.columns().stream()).filter(c -> c.name().equals(column)).map(Column::type)
                .collect(Collectors.toUnmodifiableSet());
    }

    private ImageBuilderTable<?> table(String name) {
        return Tables.names().contains(name) ? tables.computeIfAbsent(name, n -> new ImageBuilderTable<>(definedAs(n), this))
                : null;
    }

    @SuppressWarnings("unchecked")
    private static <T> Supplier<TableDefinition<T>> definedAs(String name) {
        return () -> (TableDefinition<T>) Tables.definition(name);
    }

    @Override
    public Lookup<Table> tables() {
        return lookup;
    }

    /** Calcite's older way in, through getTable and getTableNames: every table. */
    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> all = new LinkedHashMap<>();
        Tables.names().forEach(name -> all.put(name, table(name)));
        return all;
    }

    public ConnectorConfig config() {
        return inventory.config();
    }

    Inventory inventory() {
        return inventory;
    }

    boolean pushdownEnabled() {
        return pushdown;
    }

    /**
     * Turns filter pushdown off, so every query lists every partition. For tests that prove pushdown
     * changes the calls made and never the answer.
     */
    public void disablePushdownForTesting() {
        pushdown = false;
    }

    @Override
    public void close() {
        inventory.close();
    }
}
