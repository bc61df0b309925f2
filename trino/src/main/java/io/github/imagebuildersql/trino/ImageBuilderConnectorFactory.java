package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.config.ConnectorConfig;
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
        ConnectorConfig config = CatalogProperties.parse(catalogName, properties);
        try {
            return new ImageBuilderConnector(config, context.getTypeManager());
        } catch (ConfigException e) { // demo=true in a build without the demo estate
            throw CatalogProperties.invalid(catalogName, e);
        }
    }
}
