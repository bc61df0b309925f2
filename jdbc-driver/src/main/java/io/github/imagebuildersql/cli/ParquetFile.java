package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * export --format parquet: a result streamed into a Parquet file with parquet-java, without Hadoop.
 * Timestamps are UTC instants (TIMESTAMP(MILLIS, isAdjustedToUTC=true)), tag maps Parquet MAPs, JSON
 * columns strings, booleans and integers as such. Pages are uncompressed: every codec of parquet-java
 * goes through Hadoop's classes, which would triple the jar.
 */
final class ParquetFile {
    /** Small row groups: the writer holds one in memory, and exports run in -Xmx256m. */
    private static final long ROW_GROUP_BYTES = 16L * 1024 * 1024;

    private ParquetFile() {}

    static long write(ResultSet rs, Path file, ResultFormat.RowCounter counter) throws SQLException, IOException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> names = new ArrayList<>();
        List<ColumnKind> kinds = new ArrayList<>();
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            names.add(md.getColumnLabel(i));
            kinds.add(ColumnKind.of(md, i));
            schema.addField(field(md.getColumnLabel(i), kinds.get(i - 1)));
        }
        MessageType type = schema.named("row");
        long n = 0;
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(type)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withRowGroupSize(ROW_GROUP_BYTES).build()) {
            while (rs.next()) {
                Group row = new SimpleGroup(type);
                for (int i = 0; i < names.size(); i++) {
                    add(row, names.get(i), kinds.get(i), rs, i + 1);
                }
                writer.write(row);
                n++;
                counter.row();
            }
        }
        return n;
    }

    private static Type field(String name, ColumnKind kind) {
        return switch (kind) {
            case TEXT, JSON -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case INTEGER -> Types.optional(PrimitiveTypeName.INT32).named(name);
            case BIGINT -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case MAP -> Types.optionalMap().key(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .optionalValue(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
        };
    }

    /** NULL is an absent optional field. */
    private static void add(Group row, String name, ColumnKind kind, ResultSet rs, int i) throws SQLException {
        switch (kind) {
            case TIMESTAMP -> {
                Instant t = ColumnKind.instant(rs, i);
                if (t != null) {
                    row.add(name, t.toEpochMilli());
                }
            }
            case BOOLEAN, INTEGER, BIGINT, DOUBLE -> {
                Object v = rs.getObject(i);
                if (v instanceof Boolean b) {
                    row.add(name, b);
                } else if (v instanceof Number number) {
                    switch (kind) {
                        case INTEGER -> row.add(name, number.intValue());
                        case BIGINT -> row.add(name, number.longValue());
                        default -> row.add(name, number.doubleValue());
                    }
                }
            }
            case JSON -> {
                Object v = rs.getObject(i);
                String json = v instanceof String text ? text : ColumnKind.json(v);
                if (json != null) {
                    row.add(name, json);
                }
            }
            case MAP -> {
                Map<String, String> map = ColumnKind.map(rs.getObject(i));
                if (map != null) {
                    Group entries = row.addGroup(name);
                    map.forEach((k, v) -> {
                        Group entry = entries.addGroup("key_value").append("key", k);
                        if (v != null) {
                            entry.append("value", v);
                        }
                    });
                }
            }
            case TEXT -> {
                String s = rs.getString(i);
                if (s != null) {
                    row.add(name, s);
                }
            }
        }
    }
}
