package io.github.imagebuildersql.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server, from the binaries on Maven Central (nothing installed on the machine), one
 * per test JVM. sync connects as {@link #USER}, who must give a password, as in production.
 */
final class Postgres {
    static final String USER = "inventory";
    static final String PASSWORD = "pg-S3cr3t-pw-7731";
    static final String DATABASE = "inventory";

    private static EmbeddedPostgres server;

    private Postgres() {}

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("imagebuilder-sql-pg");
                server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create role " + USER + " login password '" + PASSWORD + "'");
                    s.execute("create database " + DATABASE + " owner " + USER);
                    Files.writeString(data.resolve("pg_hba.conf"), """
                            local all all trust
                            host all postgres 127.0.0.1/32 trust
                            host all postgres ::1/128 trust
                            host all all 127.0.0.1/32 scram-sha-256
                            host all all ::1/128 scram-sha-256
                            """);
                    s.execute("select pg_reload_conf()");
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM is going anyway
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** The URL sync is given: user and password in it. */
    static String url() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + DATABASE + "?user=" + USER + "&password="
                + PASSWORD;
    }

    /** A connection for the test's own reading and locking, as the superuser (no password). */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server().getPort() + "/" + DATABASE
                + "?user=postgres");
    }
}
