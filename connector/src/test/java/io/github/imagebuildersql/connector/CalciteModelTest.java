package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchemaFactory;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The connector as a plain Calcite adapter, through Calcite's own JDBC driver: a model file's operand takes the
 * same property names as the driver's URL, and the tables answer as they do through the driver.
 */
class CalciteModelTest {
    static final String ROLE = "ImageBuilderInventoryRole";

    static String model(String operand) {
        return "jdbc:calcite:lex=MYSQL_ANSI;timeZone=UTC;model=inline:{\"version\": \"1.0\", \"defaultSchema\": \"aws\", "
                + "\"schemas\": [{\"name\": \"aws\", \"type\": \"custom\", \"factory\": \""
                + ImageBuilderSchemaFactory.class.getName() + "\", \"operand\": {" + operand + "}}]}";
    }

    @Test
    void aModelOperandConfiguresTheSchema() throws Exception {
        Fixture estate = Fixture.sampleEstate();
        try (Emulator aws = Emulator.start(estate);
                Connection c = DriverManager.getConnection(model("\"endpoint\": \"" + aws.endpoint()
                        + "\", \"accounts\": \"org\", \"roleName\": \"" + ROLE + "\", \"regions\": \"eu-west-1\", "
                        + "\"maxConcurrency\": 4"))) {
            List<String> expected = new ArrayList<>();
            estate.accounts().forEach((id, account) -> account.regions().forEach((region, data) -> {
                if (region.equals("eu-west-1") && account.status().equals("ACTIVE")) {
                    data.imagePipelines().forEach(p -> expected.add(p.get("name").asText()));
                }
            }));
            expected.sort(null);
            assertEquals(expected, names(c, "select name from imagebuilder_image_pipeline order by name"));
        }
    }

    @Test
    void aBadOperandFailsWithTheSameMessage() {
        Exception e = assertThrows(Exception.class,
                () -> DriverManager.getConnection(model("\"maxConcurrency\": \"many\"")).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("maxConcurrency: 'many' is not a whole number from 1 to 1024"),
                messages.toString());
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
