package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.core.config.Property;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table reference (docs/tables.md), the IAM policy (docs/aws.md) and the connection properties
 * (docs/connection-properties.md) are generated from the table definitions and the Property enum; this test fails
 * when they drift. Run it with -DupdateDocs=true to rewrite them.
 */
class ReferenceDocsTest {
    static final Path TABLES = Path.of("..", "docs", "tables.md");
    static final Path PROPERTIES = Path.of("..", "docs", "connection-properties.md");
    static final Path AWS = Path.of("..", "docs", "aws.md");

    @Test
    void columnReferenceMatchesTheTableDefinitions() throws Exception {
        StringBuilder md = new StringBuilder("| table | rows |\n|---|---|\n");
        for (TableDefinition<?> t : Tables.all()) {
            md.append("| [").append(heading(t)).append("](#").append(Markdown.anchor(heading(t))).append(") | ")
                    .append(t.description().replace("|", "\\|")).append(" |\n");
        }
        md.append('\n');
        for (TableDefinition<?> t : Tables.all()) {
            md.append("### ").append(heading(t)).append("\n\n").append(t.description()).append("\n\n");
            md.append("| column | type | pushdown | description |\n|---|---|---|---|\n");
            for (Column<?> c : t.columns()) {
                md.append("| `").append(c.name()).append("` | ").append(sqlType(c)).append(" | ")
                        .append(pushdown(t, c)).append(" | ").append(c.description().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }
        check(TABLES, "columns", md.toString().stripTrailing() + "\n");
    }

    /** The policy grants exactly the operations the tables declare, table by table (a new table cannot forget one). */
    @Test
    void iamPolicyGrantsExactlyTheOperationsTheTablesCall() throws Exception {
        List<String> lines = new ArrayList<>();
        Set<String> granted = new LinkedHashSet<>();
        for (TableDefinition<?> t : Tables.all()) {
            StringBuilder line = new StringBuilder();
            for (String operation : t.operations()) {
                if (granted.add(operation)) {
                    String action = "\"imagebuilder:" + operation + "\"";
                    if (line.length() > 0 && line.length() + action.length() > 100) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(line.length() > 0 ? ", " : "").append(action);
                }
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        check(AWS, "iam-policy", "```json\n{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\",\n   \"Action\": ["
                + String.join(",\n              ", lines) + "],\n   \"Resource\": \"*\"}]}\n```\n");
    }

    @Test
    void propertyReferenceMatchesTheProperties() throws Exception {
        StringBuilder md = new StringBuilder("| property | default | meaning |\n|---|---|---|\n");
        for (Property p : Property.values()) {
            md.append("| `").append(p.key()).append("` | ").append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
                    .append(" | ").append(p.description()).append(" |\n");
        }
        check(PROPERTIES, "properties", md.toString());
    }

    private static String heading(TableDefinition<?> t) {
        return "`aws." + t.name() + "`";
    }

    private static String sqlType(Column<?> c) {
        return switch (c.type()) {
            case VARCHAR -> "VARCHAR";
            case JSON -> "VARCHAR (JSON)";
            case BOOLEAN -> "BOOLEAN";
            case INTEGER -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP -> "TIMESTAMP (UTC)";
            case TAGS -> "MAP<VARCHAR, VARCHAR>";
        };
    }

    private static String pushdown(TableDefinition<?> t, Column<?> c) {
        if (t.keyColumns().contains(c.name())) {
            return "`=`/`IN`: Get by ARN";
        }
        if (c.name().equals("account_id") || c.name().equals("region")) {
            return "`=`/`IN`: partitions";
        }
        if (t.listingFilterEffect(c.name()).isPresent()) {
            return "`=`/`IN`: " + t.listingFilterEffect(c.name()).get();
        }
        if (t.apiFilters().containsKey(c.name())) {
            return "`=`/`IN`: filter `" + t.apiFilters().get(c.name()) + "`";
        }
        if (c.call() != null) {
            return "`" + c.call().operation() + "` call";
        }
        return c.needsDetail() ? "detail call" : "";
    }

    private static void check(Path file, String section, String generated) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String begin = "<!-- " + section + ":begin (generated by ReferenceDocsTest) -->\n";
        String end = "<!-- " + section + ":end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError(file + " has no " + begin.trim() + " ... " + end + " section");
        }
        String current = text.substring(from + begin.length(), to);
        if (Boolean.getBoolean("updateDocs")) {
            Files.writeString(file, text.substring(0, from + begin.length()) + generated + text.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, current, file + "'s " + section + " reference is stale: run "
                + "./mvnw -B -pl jdbc-driver -am verify -DskipITs -Dtest=ReferenceDocsTest -DupdateDocs=true "
                + "-Dsurefire.failIfNoSpecifiedTests=false");
    }
}
