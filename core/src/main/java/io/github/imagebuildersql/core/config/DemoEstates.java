package io.github.imagebuildersql.core.config;

import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the demo estate's provider on the class path. */
public final class DemoEstates {
    private DemoEstates() {}

    /** A hold on the demo estate; a one-line configuration error when no provider ships with this build. */
    public static DemoEstate open() {
        return provider().orElseThrow(() -> new ConfigException("demo: the demo estate's emulator is not on the "
                + "classpath; use the driver jar (imagebuilder-jdbc.jar), which contains it, or drop demo=true"))
                .open();
    }

    /** Starts the demo estate ahead of its first connection, if this build has one. */
    public static void startAhead() {
        provider().ifPresent(DemoEstateProvider::startAhead);
    }

    private static Optional<DemoEstateProvider> provider() {
        return ServiceLoader.load(DemoEstateProvider.class, DemoEstates.class.getClassLoader()).findFirst();
    }
}
