package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.PointFilters;
import io.github.imagebuildersql.connector.calcite.ScanSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A kept plan's scan descriptions (its parameters that are {@link ScanSpec}s), written field by field. */
final class KeptScan {
    private KeptScan() {}

    static void write(DataOutputStream out, ScanSpec scan) throws IOException {
        out.writeInt(scan.table().size());
        for (String name : scan.table()) {
            out.writeUTF(name);
        }
        writeInts(out, scan.columns());
        writeFilters(out, scan.where());
        writeFilters(out, scan.applied());
    }

    static ScanSpec read(DataInputStream in) throws IOException {
        List<String> table = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            table.add(in.readUTF());
        }
        return new ScanSpec(table, readInts(in), readFilters(in), readFilters(in));
    }

    private static void writeFilters(DataOutputStream out, PointFilters filters) throws IOException {
        out.writeInt(filters.points().size());
        for (PointFilters.Point p : filters.points()) {
            out.writeInt(p.column());
            out.writeBoolean(p.integer());
            out.writeInt(p.literals().size());
            for (String literal : p.literals()) {
                // writeUTF holds 64 KB, less than a literal may
                byte[] bytes = literal.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            writeInts(out, p.parameters());
            out.writeInt(p.correlated().size());
            for (PointFilters.Correlated c : p.correlated()) {
                out.writeUTF(c.variable());
                out.writeInt(c.field());
            }
        }
    }

    private static PointFilters readFilters(DataInputStream in) throws IOException {
        List<PointFilters.Point> points = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            int column = in.readInt();
            boolean integer = in.readBoolean();
            List<String> literals = new ArrayList<>();
            for (int j = count(in); j > 0; j--) {
                literals.add(new String(in.readNBytes(count(in)), java.nio.charset.StandardCharsets.UTF_8));
            }
            List<Integer> parameters = readInts(in);
            List<PointFilters.Correlated> correlated = new ArrayList<>();
            for (int j = count(in); j > 0; j--) {
                correlated.add(new PointFilters.Correlated(in.readUTF(), in.readInt()));
            }
            points.add(new PointFilters.Point(column, integer, literals, parameters, correlated));
        }
        return new PointFilters(points);
    }

    private static void writeInts(DataOutputStream out, List<Integer> ints) throws IOException {
        out.writeInt(ints.size());
        for (int i : ints) {
            out.writeInt(i);
        }
    }

    private static List<Integer> readInts(DataInputStream in) throws IOException {
        List<Integer> ints = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            ints.add(in.readInt());
        }
        return ints;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("truncated");
        }
        return n;
    }
}
