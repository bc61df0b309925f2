package io.github.imagebuildersql.controls;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractSchema;
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
     * A view read with the connection's own settings. Calcite's own view macro reads a view's SQL through a
     * connection of its own, with Calcite's default lexical rules: upper-cased unquoted names, which are not
     * this driver's table names.
     */
    private static final class ControlView extends ViewTableMacro {
        private final CalciteConnection connection;

        ControlView(CalciteConnection connection, CalciteSchema root, String sql, List<String> path) {
            super(root, sql, TABLES, path, false);
            this.connection = connection;
        }

        @Override
        public TranslatableTable apply(List<?> arguments) {
            CalcitePrepare.AnalyzeViewResult view = Schemas.analyzeView(connection, schema.root(), schemaPath, viewSql,
                    viewPath, false);
            return viewTable(view, viewSql, schemaPath, viewPath);
        }
    }
}
