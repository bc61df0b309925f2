package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchemaFactory;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connector as a plain Calcite adapter: a model file's operand takes the same property names as the URL. */
class CalciteModelTest {

    static String model(String operand) {
        return "jdbc:calcite:lex=MYSQL_ANSI;timeZone=UTC;model=inline:{\"version\": \"1.0\", \"defaultSchema\": \"aws\", "
                + "\"schemas\": [{\"name\": \"aws\", \"type\": \"custom\", \"factory\": \""
                + ImageBuilderSchemaFactory.class.getName() + "\", \"operand\": {" + operand + "}}]}";
    }

    @Test
    void aModelOperandConfiguresTheSchema() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate());
                Connection c = DriverManager.getConnection(model("\"endpoint\": \"" + aws.emulator().endpoint()
                        + "\", \"accounts\": \"org\", \"roleName\": \"" + EmulatedAws.ROLE + "\", \"regions\": \"eu-west-1\", "
                        + "\"maxConcurrency\": 4"))) {
            assertEquals(List.of("payments-api-al2023", "settlement-batch"),
                    EmulatedAws.column(c, "select name from imagebuilder_image_pipeline order by name"));
        }
    }

    @Test
    void aBadOperandFailsWithTheSameMessage() {
        Exception e = assertThrows(Exception.class,
                () -> DriverManager.getConnection(model("\"maxConcurrency\": \"many\"")).close());
        String all = FaultToleranceTest.rootMessage(e);
        assertTrue(all.contains("maxConcurrency: 'many' is not a whole number from 1 to 1024"), all);
    }
}
