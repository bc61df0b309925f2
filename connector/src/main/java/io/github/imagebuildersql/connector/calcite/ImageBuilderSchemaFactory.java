package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.connector.config.ConnectorConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;

/**
 * For Calcite model files: {@code "factory": "io.github.imagebuildersql.connector.calcite.ImageBuilderSchemaFactory"}
 * with the connection properties as the operand.
 */
public final class ImageBuilderSchemaFactory implements SchemaFactory {

    @Override
    public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
        Map<String, String> properties = new LinkedHashMap<>();
        operand.forEach((k, v) -> properties.put(k, v == null ? null : String.valueOf(v)));
        return new ImageBuilderSchema(ConnectorConfig.parse(properties));
    }
}
