package io.github.imagebuildersql.core.table;

import java.util.function.Function;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/**
 * The call a column costs of its own, once per row and only when a query reads the column: an operation other
 * than the table's Get (a resource's policy), made with the row's ARN.
 */
public record ColumnCall(String operation, Function<String, Function<ImagebuilderClient, Object>> call) {}
