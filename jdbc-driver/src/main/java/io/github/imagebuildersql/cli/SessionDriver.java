package io.github.imagebuildersql.cli;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Lets sqlline connect with an opaque {@code jdbc:imagebuilder-session:N} URL that stands for the
 * shell's real connection properties, held in this process. sqlline prints and remembers its URL; this
 * way neither an external ID nor anything else passed on the command line ends up on screen or in its
 * history.
 */
final class SessionDriver implements Driver {
    static final String PREFIX = "jdbc:imagebuilder-session:";
    private static final Map<String, Properties> SESSIONS = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static volatile boolean registered;

    static synchronized String register(Properties properties) throws SQLException {
        if (!registered) {
            DriverManager.registerDriver(new SessionDriver());
            registered = true;
        }
        String id = String.valueOf(IDS.incrementAndGet());
        SESSIONS.put(id, properties);
        return PREFIX + id;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties p = SESSIONS.get(url.substring(PREFIX.length()));
        if (p == null) {
            throw new SQLException("no such shell session: " + url, "08001");
        }
        return DriverManager.getConnection("jdbc:imagebuilder:", p);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
