package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.connector.calcite.InformationSchema;
import io.github.imagebuildersql.controls.ControlsSchema;
import io.github.imagebuildersql.core.aws.AwsClients;
import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.config.DemoEstate;
import io.github.imagebuildersql.core.config.DemoEstates;
import io.github.imagebuildersql.core.config.OnError;
import io.github.imagebuildersql.core.config.Property;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

/**
 * {@code jdbc:imagebuilder:regions=...;accounts=...}: a Calcite connection whose default schema is
 * {@code aws}, with identifiers as people type them (unquoted names case-insensitive, ANSI double
 * quotes), timestamps in UTC whatever the JVM's zone, and IN lists kept pushable.
 */
public final class ImageBuilderDriver extends Driver {
    static {
        new ImageBuilderDriver().register();
    }

    public ImageBuilderDriver() {
        super(ImageBuilderPrepare::new);
    }

    @Override
    protected String getConnectStringPrefix() {
        return JdbcUrl.PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        String version = version();
        String[] parts = version.split("[.-]");
        int major = parts.length > 0 ? parseOr(parts[0]) : 0;
        int minor = parts.length > 1 ? parseOr(parts[1]) : 0;
        return new DriverVersion("imagebuilder-sql JDBC driver", version, "imagebuilder-sql (EC2 Image Builder)",
                version, true, major, minor, major, minor);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        ConnectorConfig config;
        try {
            config = ConnectorConfig.parse(JdbcUrl.properties(url, info));
        } catch (ConfigException e) {
            throw new SQLNonTransientConnectionException(e.getMessage(), "08001");
        }
        // The demo's emulator starts on a thread of its own while Calcite opens its connection here and
        // initialises what planning needs.
        if (config.demo()) {
            DemoEstates.startAhead();
        }
        AwsClients.loadSdkAhead();
        Connection calcite = null;
        DemoEstate demo = null;
        try {
            calcite = calciteConnection();
            CalciteConnection calciteConnection = calcite.unwrap(CalciteConnection.class);
            calciteConnection.getRootSchema().add(TagsText.FUNCTION, TagsText.function());
            demo = config.demo() ? DemoEstates.open() : null;
            calciteConnection.getRootSchema().add(ImageBuilderSchema.NAME,
                    new ImageBuilderSchema(demo == null ? config : config.onDemoEstate(demo)));
            calciteConnection.getRootSchema().add(InformationSchema.NAME, new InformationSchema());
            calciteConnection.setSchema(ImageBuilderSchema.NAME);
            ControlsSchema.addTo(calciteConnection);
            return JdbcLayer.wrap(calcite, JdbcUrl.withoutSecrets(url), demo);
        } catch (ConfigException e) {
            closeQuietly(calcite, demo);
            throw new SQLNonTransientConnectionException(e.getMessage(), "08001");
        } catch (SQLException | RuntimeException | Error e) {
            closeQuietly(calcite, demo);
            throw e;
        }
    }

    private Connection calciteConnection() throws SQLException {
        Properties calcite = new Properties();
        calcite.setProperty("lex", "MYSQL_ANSI");
        calcite.setProperty("timeZone", "UTC");
        calcite.setProperty("caseSensitive", "false");
        calcite.setProperty("typeSystem", TypeSystem.class.getName() + "#INSTANCE");
        calcite.setProperty("parserFactory", StatementParser.class.getName() + "#FACTORY");
        calcite.setProperty("metaTableFactory", TableRemarks.TableFactory.class.getName());
        calcite.setProperty("metaColumnFactory", TableRemarks.ColumnFactory.class.getName());
        return super.connect(JdbcUrl.PREFIX, calcite);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        Property[] all = Property.values();
        DriverPropertyInfo[] result = new DriverPropertyInfo[all.length];
        for (int i = 0; i < all.length; i++) {
            result[i] = new DriverPropertyInfo(all[i].key(), info == null ? all[i].defaultValue()
                    : info.getProperty(all[i].key(), all[i].defaultValue()));
            result[i].description = all[i].description();
            result[i].required = false;
            result[i].choices = switch (all[i]) {
                case ON_ERROR -> Arrays.stream(OnError.values()).map(e -> e.name().toLowerCase(Locale.ROOT))
                        .toArray(String[]::new);
                case DEMO, REFRESH_CACHE -> new String[] {"true", "false"};
                default -> null;
            };
        }
        return result;
    }

    @Override
    protected Handler createHandler() {
        Handler calcite = super.createHandler();
        return new Handler() {
            @Override
            public void onConnectionInit(AvaticaConnection connection) throws SQLException {
                calcite.onConnectionInit(connection);
            }

            @Override
            public void onConnectionClose(AvaticaConnection connection) {
                calcite.onConnectionClose(connection);
                try {
                    SchemaPlus aws = connection.unwrap(CalciteConnection.class).getRootSchema()
                            .subSchemas().get(ImageBuilderSchema.NAME);
                    if (aws != null) {
                        aws.unwrap(ImageBuilderSchema.class).close();
                    }
                } catch (SQLException e) {
                    // not one of ours; nothing to close
                }
            }

            @Override
            public void onStatementExecute(AvaticaStatement statement, ResultSink resultSink) {
                calcite.onStatementExecute(statement, resultSink);
            }

            @Override
            public void onStatementClose(AvaticaStatement statement) {
                calcite.onStatementClose(statement);
            }
        };
    }

    /** The version Maven stamped into the jar. */
    public static String version() {
        try (InputStream in = ImageBuilderDriver.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }

    /** Undoes a connect that failed half way. */
    private static void closeQuietly(Connection calcite, DemoEstate demo) {
        if (calcite != null) {
            try {
                calcite.close();
            } catch (SQLException | RuntimeException e) {
                // closing is best effort: the connection never reached the caller
            }
        }
        if (demo != null) {
            demo.close();
        }
    }

    private static int parseOr(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
