package io.github.imagebuildersql.trino;

import io.trino.spi.connector.ConnectorTableHandle;

/** A table of schema {@code aws}, by name. Trino sends it to the workers as JSON. */
record ImageBuilderTableHandle(String table) implements ConnectorTableHandle {}
