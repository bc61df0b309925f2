package io.github.imagebuildersql.connector.jdbc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ColumnMetaData.ArrayType;
import org.apache.calcite.avatica.ColumnMetaData.AvaticaType;
import org.apache.calcite.avatica.ColumnMetaData.Rep;
import org.apache.calcite.avatica.ColumnMetaData.StructType;
import org.apache.calcite.avatica.Meta;

/**
 * What JDBC says about a kept plan's result (Avatica's signature: columns, parameters, cursor), written field
 * by field and read back through constructors. Avatica's protobuf form reads back through protobuf's
 * reflection, which took a new JVM's main thread about 25 ms on every run of a kept plan.
 */
record KeptSignature(List<ColumnMetaData> columns, List<AvaticaParameter> parameters,
        Meta.CursorFactory cursorFactory) {

    static KeptSignature of(Meta.Signature signature) {
        return new KeptSignature(signature.columns, signature.parameters, signature.cursorFactory);
    }

    void write(DataOutputStream out) throws IOException {
        writeColumns(out, columns);
        out.writeInt(parameters.size());
        for (AvaticaParameter p : parameters) {
            out.writeBoolean(p.signed);
            out.writeInt(p.precision);
            out.writeInt(p.scale);
            out.writeInt(p.parameterType);
            writeText(out, p.typeName);
            writeText(out, p.className);
            writeText(out, p.name);
        }
        out.writeBoolean(cursorFactory != null);
        if (cursorFactory != null) {
            out.writeUTF(cursorFactory.style.name());
            writeText(out, cursorFactory.clazz == null ? null : cursorFactory.clazz.getName());
            out.writeBoolean(cursorFactory.fieldNames != null);
            if (cursorFactory.fieldNames != null) {
                out.writeInt(cursorFactory.fieldNames.size());
                for (String name : cursorFactory.fieldNames) {
                    writeText(out, name);
                }
            }
        }
    }

    static KeptSignature read(DataInputStream in) throws IOException, ClassNotFoundException {
        List<ColumnMetaData> columns = readColumns(in);
        List<AvaticaParameter> parameters = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            parameters.add(new AvaticaParameter(in.readBoolean(), in.readInt(), in.readInt(), in.readInt(),
                    readText(in), readText(in), readText(in)));
        }
        Meta.CursorFactory cursorFactory = null;
        if (in.readBoolean()) {
            Meta.Style style = Meta.Style.valueOf(in.readUTF());
            String clazz = readText(in);
            List<String> fieldNames = null;
            if (in.readBoolean()) {
                fieldNames = new ArrayList<>();
                for (int i = count(in); i > 0; i--) {
                    fieldNames.add(readText(in));
                }
            }
            cursorFactory = Meta.CursorFactory.create(style, clazz == null ? null : Class.forName(clazz), fieldNames);
        }
        return new KeptSignature(columns, parameters, cursorFactory);
    }

    private static void writeColumns(DataOutputStream out, List<ColumnMetaData> columns) throws IOException {
        out.writeInt(columns.size());
        for (ColumnMetaData c : columns) {
            out.writeInt(c.ordinal);
            out.writeBoolean(c.autoIncrement);
            out.writeBoolean(c.caseSensitive);
            out.writeBoolean(c.searchable);
            out.writeBoolean(c.currency);
            out.writeInt(c.nullable);
            out.writeBoolean(c.signed);
            out.writeInt(c.displaySize);
            writeText(out, c.label);
            writeText(out, c.columnName);
            writeText(out, c.schemaName);
            out.writeInt(c.precision);
            out.writeInt(c.scale);
            writeText(out, c.tableName);
            writeText(out, c.catalogName);
            writeType(out, c.type);
            out.writeBoolean(c.readOnly);
            out.writeBoolean(c.writable);
            out.writeBoolean(c.definitelyWritable);
            writeText(out, c.columnClassName);
        }
    }

    private static List<ColumnMetaData> readColumns(DataInputStream in) throws IOException {
        List<ColumnMetaData> columns = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            columns.add(new ColumnMetaData(in.readInt(), in.readBoolean(), in.readBoolean(), in.readBoolean(),
                    in.readBoolean(), in.readInt(), in.readBoolean(), in.readInt(), readText(in), readText(in),
                    readText(in), in.readInt(), in.readInt(), readText(in), readText(in), readType(in),
                    in.readBoolean(), in.readBoolean(), in.readBoolean(), readText(in)));
        }
        return columns;
    }

    /** The three kinds of type Avatica's own forms know: an array, a struct, and otherwise a scalar. */
    private static void writeType(DataOutputStream out, AvaticaType type) throws IOException {
        if (type instanceof ArrayType array) {
            out.writeByte('A');
            out.writeUTF(array.name);
            out.writeUTF(array.rep.name());
            writeType(out, array.getComponent());
        } else if (type instanceof StructType struct) {
            out.writeByte('S');
            writeColumns(out, struct.columns);
        } else {
            out.writeByte('T');
            out.writeInt(type.id);
            out.writeUTF(type.name);
            out.writeUTF(type.rep.name());
        }
    }

    private static AvaticaType readType(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 'A' -> {
                String name = in.readUTF();
                Rep rep = Rep.valueOf(in.readUTF());
                yield ColumnMetaData.array(readType(in), name, rep);
            }
            case 'S' -> ColumnMetaData.struct(readColumns(in));
            case 'T' -> ColumnMetaData.scalar(in.readInt(), in.readUTF(), Rep.valueOf(in.readUTF()));
            default -> throw new IOException("not a kept type");
        };
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("truncated");
        }
        return n;
    }
}
