package io.github.imagebuildersql.trino;

import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static io.trino.spi.type.VarcharType.VARCHAR;

import io.airlift.slice.Slices;
import io.github.imagebuildersql.core.table.ColumnType;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.MapBlockBuilder;
import io.trino.spi.type.MapType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;
import java.time.Instant;
import java.util.Map;

/**
 * The core's column types as Trino's, and its plain Java values written into Trino's blocks: tags as
 * {@code map(varchar, varchar)}, instants as {@code timestamp(3) with time zone} in UTC, and JSON members as
 * the API's JSON text in {@code varchar}, which Trino's json_value, json_query and json_extract read as it is.
 */
final class TrinoTypes {
    private final MapType tags;

    TrinoTypes(TypeManager types) {
        this.tags = new MapType(VARCHAR, VARCHAR, types.getTypeOperators());
    }

    Type of(ColumnType type) {
        return switch (type) {
            case VARCHAR, JSON -> VARCHAR;
            case BOOLEAN -> BOOLEAN;
            case INTEGER -> INTEGER;
            case DOUBLE -> DOUBLE;
            case TIMESTAMP -> TIMESTAMP_TZ_MILLIS;
            case TAGS -> tags;
        };
    }

    /** Appends one value as the core gives it (see the core's RowBuilder); null is NULL. */
    static void write(BlockBuilder block, ColumnType type, Object value) {
        if (value == null) {
            block.appendNull();
            return;
        }
        switch (type) {
            case VARCHAR, JSON -> VARCHAR.writeSlice(block, Slices.utf8Slice((String) value));
            case BOOLEAN -> BOOLEAN.writeBoolean(block, (Boolean) value);
            case INTEGER -> INTEGER.writeLong(block, (Integer) value);
            case DOUBLE -> DOUBLE.writeDouble(block, (Double) value);
            case TIMESTAMP -> TIMESTAMP_TZ_MILLIS.writeLong(block,
                    packDateTimeWithZone(((Instant) value).toEpochMilli(), UTC_KEY));
            case TAGS -> ((MapBlockBuilder) block).buildEntry((keys, values) -> {
                for (Map.Entry<?, ?> tag : ((Map<?, ?>) value).entrySet()) {
                    VARCHAR.writeSlice(keys, Slices.utf8Slice((String) tag.getKey()));
                    if (tag.getValue() == null) {
                        values.appendNull();
                    } else {
                        VARCHAR.writeSlice(values, Slices.utf8Slice((String) tag.getValue()));
                    }
                }
            });
        }
    }
}
