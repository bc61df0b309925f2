package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.connector.jdbc.ImageBuilderDriver;
import io.github.imagebuildersql.core.config.Property;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The connection options every command shares: {@code --url}, {@code --demo}, and one option per
 * connector property with the property's own name ({@code --regions}, {@code --accounts}, ...),
 * generated from {@link Property} so the command line and the JDBC URL cannot drift apart.
 */
final class Connecting {
    private Connecting() {}

    static void addPropertyOptions(CommandSpec command) {
        for (Property p : Property.values()) {
            if (p == Property.DEMO) {
                continue; // the --demo flag
            }
            command.addOption(OptionSpec.builder("--" + p.key()).paramLabel("VALUE").type(String.class)
                    .description(p.description()).build());
        }
    }

    /** A connection; with --demo, the driver's demo=true starts and stops the emulator behind it. */
    static final class Session implements AutoCloseable {
        final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        /**
         * The statement, prepared. Calcite's Statement.executeQuery builds a planner configuration for every
         * statement, initialising its operator tables: about 60 ms of CPU in a new JVM whose plan comes from
         * the plan cache. A parameter marker is refused, since a command has nothing to bind it to.
         */
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.getParameterMetaData().getParameterCount() > 0) {
                statement.close();
                throw new Failures.CliFailure(ExitCode.USAGE, "the statement has a parameter marker (?), which "
                        + "a command cannot bind; write the value into the SQL");
            }
            return statement;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** What a command connects to: its URL and properties. */
    record Target(String url, Properties info) {}

    static Target target(CommandSpec command, String url, boolean demo, boolean freshAnswers) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Property p : Property.values()) {
            if (p == Property.DEMO) {
                continue;
            }
            String v = command.findOption("--" + p.key()).getValue();
            if (v != null) {
                properties.put(p.key(), v);
            }
        }
        if (demo && (url != null || properties.containsKey("endpoint") || properties.containsKey("profile"))) {
            throw new Failures.CliFailure(ExitCode.USAGE,
                    "--demo runs against its own emulator; drop --url, --endpoint and --profile");
        }
        String jdbcUrl = url != null ? url : "jdbc:imagebuilder:";
        if (!jdbcUrl.startsWith("jdbc:imagebuilder:")) {
            // Values are left out: a URL may hold an external ID, and a mistyped one still does.
            throw new Failures.CliFailure(ExitCode.USAGE, "--url must start with jdbc:imagebuilder:, got '"
                    + jdbcUrl.replaceAll("=[^;]*", "=…") + "'");
        }
        Properties info = new Properties();
        properties.forEach(info::setProperty);
        if (demo) {
            info.setProperty(Property.DEMO.key(), "true");
        }
        if (freshAnswers) {
            info.setProperty(Property.REFRESH_CACHE.key(), "true");
        }
        if (!properties.containsKey(Property.PLAN_CACHE.key())) {
            // A command line is run again and again: its plans are kept beside its class archive. A URL's
            // planCache, when it has one, wins over this.
            info.setProperty(Property.PLAN_CACHE.key(), ClassArchive.defaultDirectory().resolve("plans").toString());
        }
        return new Target(jdbcUrl, info);
    }

    static Session open(CommandSpec command, String url, boolean demo, boolean freshAnswers) throws Exception {
        Target target = target(command, url, demo, freshAnswers);
        // The driver itself, not DriverManager: that would first load every driver in the jar (Calcite's,
        // Avatica's, PostgreSQL's), which a query never uses.
        return new Session(new ImageBuilderDriver().connect(target.url(), target.info()));
    }
}
