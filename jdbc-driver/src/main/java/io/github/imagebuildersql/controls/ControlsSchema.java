package io.github.imagebuildersql.controls;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.schema.impl.ViewTableMacro;

/**
 * The {@code controls} schema of every connection: each bundled control as a view, its parameters at their
 * defaults, so that a BI tool can chart {@code select * from controls.pipeline_image_scanning_enabled
 * where status = 'alarm'}. The views are read from the jar when a statement first names this schema, not
 * when the connection opens.
 */
public final class ControlsSchema extends AbstractSchema {
    public static final String NAME = "controls";
    /** Where the controls' unqualified table names are found. */
    private static final List<String> TABLES = List.of("aws");

    private final CalciteConnection connection;
    private Multimap<String, Function> views;

    private ControlsSchema(CalciteConnection connection) {
        this.connection = connection;
    }

    /** Adds the schema to a connection. */
    public static void addTo(CalciteConnection connection) {
        connection.getRootSchema().add(NAME, new ControlsSchema(connection));
    }

    @Override
    protected synchronized Multimap<String, Function> getFunctionMultimap() {
        if (views == null) {
            ImmutableMultimap.Builder<String, Function> builder = ImmutableMultimap.builder();
            CalciteSchema root = CalciteSchema.from(connection.getRootSchema());
            for (Control c : ControlLibrary.bundled().controls()) {
                builder.put(c.id(), new ControlView(connection, root, c.sql(Map.of()), List.of(NAME, c.id())));
            }
            views = builder.build();
        }
        return views;
    }

    /**
     * A view whose tables are found as this driver's connections find them, and whose columns are named as a
     * query of this driver names them. Calcite's own view macro looks the tables up through a connection of
     * its own, where names are case-sensitive, and Calcite parses every view with its default lexical rules,
     * which upper-case unquoted names: a control's {@code resource} would reach a BI tool as RESOURCE.
     */
    private static final class ControlView extends ViewTableMacro {
        private final CalciteConnection connection;

        ControlView(CalciteConnection connection, CalciteSchema root, String sql, List<String> path) {
            super(root, sql, TABLES, path, false);
            this.connection = connection;
        }

        @Override
        public TranslatableTable apply(List<?> arguments) {
            RelDataType analyzed = Schemas.analyzeView(connection, schema.root(), schemaPath, viewSql, viewPath, false)
                    .rowType;
            RelDataType named = connection.getTypeFactory().createStructType(
                    analyzed.getFieldList().stream().map(RelDataTypeField::getType).toList(),
                    analyzed.getFieldNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
            return new ViewTable(Object.class, RelDataTypeImpl.proto(named), viewSql, schemaPath, viewPath);
        }
    }
}
