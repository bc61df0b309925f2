package io.github.imagebuildersql.core.config;

/**
 * Provides the demo estate, found with {@link java.util.ServiceLoader}: a jar that ships the emulator (the JDBC
 * driver's, the Trino plugin's) registers one in {@code META-INF/services}; without one, {@code demo=true} is
 * refused in one line.
 */
public interface DemoEstateProvider {

    /** A hold on the estate, started if it is not running; blocks until it answers. */
    DemoEstate open();

    /** Starts the estate on a thread of its own, for a caller that knows a connection will want it soon. */
    void startAhead();
}
