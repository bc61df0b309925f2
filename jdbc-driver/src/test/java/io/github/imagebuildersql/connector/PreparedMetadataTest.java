package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tableau's custom SQL and DBeaver describe a statement before they run it: PreparedStatement.getMetaData()
 * must say, for every column of every table, what the executed result says, and what the table declares.
 */
class PreparedMetadataTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(Fixture.sampleEstate());
        c = aws.connect("regions=us-east-1");
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    /** Every ResultSetMetaData question about one column, by name. */
    private static final List<Method> QUESTIONS = Arrays.stream(ResultSetMetaData.class.getMethods())
            .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == int.class)
            .sorted(Comparator.comparing(Method::getName)).toList();

    @Test
    void everyColumnOfEveryTableIsDescribedBeforeExecutionAsAfterAndAsItsTableDeclaresIt() throws Exception {
        for (TableDefinition<?> t : Tables.all()) {
            try (PreparedStatement p = c.prepareStatement("select * from " + t.name())) {
                List<String> before = answers(p.getMetaData());
                List<String> after;
                try (ResultSet rs = p.executeQuery()) {
                    after = answers(rs.getMetaData());
                }
                assertEquals(before, after, t.name());
                ResultSetMetaData md = p.getMetaData();
                assertEquals(t.columns().size(), md.getColumnCount(), t.name());
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Column<?> declared = t.columns().get(i - 1);
                    String column = t.name() + "." + declared.name();
                    assertEquals(declared.name(), md.getColumnLabel(i), column);
                    assertEquals(jdbcType(declared), md.getColumnType(i), column);
                    assertEquals(declared.name().equals("_key") ? ResultSetMetaData.columnNoNulls
                            : ResultSetMetaData.columnNullable, md.isNullable(i), column);
                    assertEquals(true, md.isSearchable(i), column);
                    try (ResultSet columns = c.getMetaData().getColumns(null, "aws", t.name(), declared.name())) {
                        columns.next();
                        assertEquals(columns.getInt("DATA_TYPE"), md.getColumnType(i), column);
                        assertEquals(columns.getString("TYPE_NAME"), md.getColumnTypeName(i), column);
                        assertEquals(columns.getInt("COLUMN_SIZE"), md.getPrecision(i), column);
                        assertEquals(columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                                ? ResultSetMetaData.columnNoNulls : ResultSetMetaData.columnNullable, md.isNullable(i),
                                column);
                    }
                }
            }
        }
    }

    /** What JDBC tools are told a declared column is: tags and JSON are text to them. */
    private static int jdbcType(Column<?> c) {
        return switch (c.type()) {
            case VARCHAR, JSON, TAGS -> Types.VARCHAR;
            case BOOLEAN -> Types.BOOLEAN;
            case INTEGER -> Types.INTEGER;
            case DOUBLE -> Types.DOUBLE;
            case TIMESTAMP -> Types.TIMESTAMP;
        };
    }

    private static List<String> answers(ResultSetMetaData md) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            for (Method q : QUESTIONS) {
                answers.add(md.getColumnLabel(i) + "." + q.getName() + "=" + q.invoke(md, i));
            }
        }
        return answers;
    }
}
