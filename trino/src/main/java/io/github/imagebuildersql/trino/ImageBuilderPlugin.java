package io.github.imagebuildersql.trino;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;
import java.util.List;

/** What Trino finds in {@code plugin/imagebuilder/}: the one connector, named {@code imagebuilder}. */
public final class ImageBuilderPlugin implements Plugin {
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories() {
        return List.of(new ImageBuilderConnectorFactory());
    }
}
