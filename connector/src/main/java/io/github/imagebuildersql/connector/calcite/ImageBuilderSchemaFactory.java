package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.model.ModelHandler;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;

/**
 * For Calcite model files: {@code "factory": "io.github.imagebuildersql.connector.calcite.ImageBuilderSchemaFactory"}
 * with the connection properties as the operand.
 */
public final class ImageBuilderSchemaFactory implements SchemaFactory {
    /** What Calcite adds to every custom schema's operand (ModelHandler.ExtraOperand). */
    private static final Set<String> CALCITE_KEYS = Arrays.stream(ModelHandler.ExtraOperand.values())
            .map(e -> e.camelName).collect(Collectors.toUnmodifiableSet());

    @Override
    public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
        Map<String, String> properties = new LinkedHashMap<>();
        operand.forEach((k, v) -> {
            if (!CALCITE_KEYS.contains(k)) {
                properties.put(k, v == null ? null : String.valueOf(v));
            }
        });
        return new ImageBuilderSchema(ConnectorConfig.parse(properties));
    }
}
