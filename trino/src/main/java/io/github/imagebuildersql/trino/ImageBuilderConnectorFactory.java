package io.github.imagebuildersql.trino;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;
import java.util.Map;

/** {@code connector.name=imagebuilder}: a catalog whose properties are the JDBC URL's. */
public final class ImageBuilderConnectorFactory implements ConnectorFactory {
    public static final String NAME = "imagebuilder";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> properties, ConnectorContext context) {
        return new ImageBuilderConnector(CatalogProperties.parse(catalogName, properties), context.getTypeManager());
    }
}
