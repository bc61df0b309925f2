package io.github.imagebuildersql.trino;

import io.trino.spi.connector.ColumnHandle;

/** A column by name; its type and comment come from its table's declaration. */
public record ImageBuilderColumnHandle(String name) implements ColumnHandle {}
