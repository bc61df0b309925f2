package io.github.imagebuildersql.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ColumnMetaData.Rep;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.Test;

/** A kept plan's signature reads back exactly as it was written, and a damaged one not at all. */
class KeptSignatureTest {
    static final ColumnMetaData NAME = new ColumnMetaData(0, false, true, true, false,
            ResultSetMetaData.columnNoNulls, false, 128, "NAME", "name", "aws", 128, 0, "imagebuilder_image_pipeline",
            "", ColumnMetaData.scalar(Types.VARCHAR, "VARCHAR", Rep.STRING), true, false, false, "java.lang.String");
    /** Every text that may be absent is absent, and the numbers are the ones a computed column has. */
    static final ColumnMetaData COUNT = new ColumnMetaData(1, true, false, false, true, ResultSetMetaData.columnNullable,
            true, 19, null, null, null, 19, 2, null, null, ColumnMetaData.scalar(Types.BIGINT, "BIGINT", Rep.PRIMITIVE_LONG),
            false, true, true, null);
    static final ColumnMetaData ARRAY = new ColumnMetaData(2, false, true, false, false,
            ResultSetMetaData.columnNullableUnknown, false, -1, "CONTAINER_TAGS", "container_tags", "aws", 0, 0, "t",
            null, ColumnMetaData.array(ColumnMetaData.scalar(Types.VARCHAR, "VARCHAR", Rep.STRING), "VARCHAR ARRAY",
                    Rep.ARRAY), true, false, false, "java.sql.Array");
    static final ColumnMetaData STRUCT = new ColumnMetaData(3, false, false, false, false,
            ResultSetMetaData.columnNullable, false, -1, "SCHEDULE", "schedule", null, 0, 0, "t", null,
            ColumnMetaData.struct(List.of(NAME, COUNT)), true, false, false, "java.sql.Struct");

    @Test
    void columnsParametersAndTheCursorReadBackEqualToWhatWasWritten() throws Exception {
        List<ColumnMetaData> columns = List.of(NAME, COUNT, ARRAY, STRUCT);
        List<AvaticaParameter> parameters = List.of(
                new AvaticaParameter(false, 0, 0, Types.VARCHAR, "VARCHAR", "java.lang.String", "?0"),
                new AvaticaParameter(true, 19, 3, Types.DECIMAL, null, null, null));
        for (Meta.CursorFactory cursor : Arrays.asList(Meta.CursorFactory.ARRAY, Meta.CursorFactory.OBJECT,
                Meta.CursorFactory.LIST, Meta.CursorFactory.map(List.of("k", "v")),
                Meta.CursorFactory.create(Meta.Style.RECORD, Row.class, List.of("a", "b")),
                null)) {
            KeptSignature kept = new KeptSignature(columns, parameters, cursor);
            KeptSignature back = roundTrip(kept);
            assertEquals(columns, back.columns());
            assertEquals(parameters, back.parameters());
            assertEquals(cursor, back.cursorFactory());
            for (int i = 0; i < columns.size(); i++) {
                assertEquals(columns.get(i).type.getClass(), back.columns().get(i).type.getClass());
                assertEquals(columns.get(i).type.columnClassName(), back.columns().get(i).type.columnClassName());
            }
        }
    }

    @Test
    void aSignatureCutShortOrOfAnotherShapeIsRefusedRatherThanMisread() throws Exception {
        byte[] whole = bytes(new KeptSignature(List.of(NAME, STRUCT), List.of(), Meta.CursorFactory.ARRAY));
        for (int length : List.of(0, 3, 11, whole.length / 2, whole.length - 1)) {
            assertThrows(IOException.class, () -> KeptSignature.read(
                    new DataInputStream(new ByteArrayInputStream(Arrays.copyOf(whole, length)))), "cut at " + length);
        }
        byte[] otherType = whole.clone();
        otherType[indexOf(whole, (byte) 'T')] = 'X';
        assertThrows(IOException.class, () -> KeptSignature.read(new DataInputStream(new ByteArrayInputStream(otherType))));
    }

    public static final class Row {
        public String a;
        public String b;
    }

    static KeptSignature roundTrip(KeptSignature kept) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes(kept)));
        KeptSignature back = KeptSignature.read(in);
        assertEquals(-1, in.read(), "nothing left over");
        return back;
    }

    static byte[] bytes(KeptSignature kept) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        kept.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** Where the first column's type is written: the tag byte just before its type number. */
    static int indexOf(byte[] b, byte tag) {
        for (int i = 0; i + 4 < b.length; i++) {
            if (b[i] == tag && b[i + 1] == 0 && b[i + 2] == 0 && b[i + 3] == 0 && b[i + 4] == Types.VARCHAR) {
                return i;
            }
        }
        throw new AssertionError("no type tag " + (char) tag);
    }
}
