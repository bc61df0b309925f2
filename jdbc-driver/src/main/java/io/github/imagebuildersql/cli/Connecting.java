package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.connector.config.Property;
import java.sql.Connection;
import java.sql.DriverManager;
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
            command.addOption(OptionSpec.builder("--" + p.key()).paramLabel("VALUE").type(String.class)
                    .description(p.description()).build());
        }
    }

    /** A connection (and, with --demo, the emulator behind it) that closes as one. */
    static final class Session implements AutoCloseable {
        final Connection connection;
        private final Demo demo;

        private Session(Connection connection, Demo demo) {
            this.connection = connection;
            this.demo = demo;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                if (demo != null) {
                    demo.close();
                }
            }
        }
    }

    /** What a command connects to: its URL and properties, and the demo emulator when there is one. */
    record Target(String url, Properties info, Demo demo) {}

    static Target target(CommandSpec command, String url, boolean demo) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Property p : Property.values()) {
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
            throw new Failures.CliFailure(ExitCode.USAGE, "--url must start with jdbc:imagebuilder:, got '"
                    + jdbcUrl + "'");
        }
        Demo started = demo ? Demo.start() : null;
        Properties info = new Properties();
        if (started != null) {
            started.properties().forEach(info::setProperty);
        }
        properties.forEach(info::setProperty);
        return new Target(jdbcUrl, info, started);
    }

    static Session open(CommandSpec command, String url, boolean demo) throws Exception {
        Target target = target(command, url, demo);
        try {
            return new Session(DriverManager.getConnection(target.url(), target.info()), target.demo());
        } catch (Exception e) {
            if (target.demo() != null) {
                target.demo().close();
            }
            throw e;
        }
    }
}
