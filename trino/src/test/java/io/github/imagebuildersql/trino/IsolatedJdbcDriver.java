package io.github.imagebuildersql.trino;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The project's JDBC driver from its shaded jar ({@code imagebuilder.jdbc.jar}), in a class loader of its own as
 * a BI tool loads it: what the Trino connector's answers and call counts are compared with.
 */
final class IsolatedJdbcDriver implements AutoCloseable {
    private final URLClassLoader loader;
    private final Driver driver;

    IsolatedJdbcDriver() throws Exception {
        Path jar = Path.of(System.getProperty("imagebuilder.jdbc.jar"));
        this.loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        this.driver = ServiceLoader.load(Driver.class, loader).stream().map(ServiceLoader.Provider::get)
                .filter(d -> d.getClass().getClassLoader() == loader).findFirst()
                .orElseThrow(() -> new AssertionError(jar + " registers no driver"));
    }

    /** Every row of a query on a new connection, each value as its text (null stays null). */
    List<List<String>> query(String properties, String sql) throws SQLException {
        try (Connection c = driver.connect("jdbc:imagebuilder:" + properties, new Properties());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
