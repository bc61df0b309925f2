package io.github.imagebuildersql.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control file format: what a header says, how parameters fill the query, and every way a file is refused. */
class ControlFileTest {
    static final String VALID = """
            -- id: old_pipelines
            -- title: Pipelines are recent
            -- severity: medium
            -- benchmarks: mine, build-health
            -- rationale: Old pipelines
            --   rot.
            -- remediation: Rebuild them.
            -- references: https://example.com/a, https://example.com/b
            -- param max_age_days = 30: Days a pipeline may
            --   go without an update.
            -- param owner_tag_key = 'team''s': The tag naming the owner.
            -- a comment of the query, not of the header
            select arn as resource, account_id, region,
                   case when date_updated < current_timestamp - ${max_age_days} * interval '1' day then 'alarm'
                        else 'ok' end as status,
                   name || ' ' || ${owner_tag_key} as reason
            from imagebuilder_image_pipeline
            """;

    @Test
    void theHeaderDescribesTheControlAndIndentedLinesContinueAField() {
        Control c = ControlFile.parse("old_pipelines.sql", VALID);
        assertEquals("old_pipelines", c.id());
        assertEquals("Pipelines are recent", c.title());
        assertEquals(Severity.MEDIUM, c.severity());
        assertEquals(List.of("mine", "build-health"), c.benchmarks());
        assertEquals("Old pipelines rot.", c.rationale());
        assertEquals("Rebuild them.", c.remediation());
        assertEquals(List.of("https://example.com/a", "https://example.com/b"), c.references());
        assertEquals(List.of(new ControlParameter("max_age_days", "30", true, "Days a pipeline may go without an update."),
                new ControlParameter("owner_tag_key", "team's", false, "The tag naming the owner.")), c.parameters());
    }

    @Test
    void parametersBecomeSqlLiteralsAndTheFileKeepsItsLineNumbers() {
        Control c = ControlFile.parse("old_pipelines.sql", VALID);
        String defaults = c.sql(Map.of());
        assertTrue(defaults.contains("current_timestamp - 30 * interval"), defaults);
        assertTrue(defaults.contains("name || ' ' || 'team''s' as reason"), defaults);
        assertEquals(VALID.lines().count(), defaults.lines().count(), "the header stays, as comments");
        String given = c.sql(Map.of("max_age_days", "7", "owner_tag_key", "it's'); drop table x; --"));
        assertTrue(given.contains("- 7 * interval"), given);
        assertTrue(given.contains("'it''s''); drop table x; --' as reason"), "text is always one quoted literal: " + given);
        assertEquals(Map.of("max_age_days", "7", "owner_tag_key", "team's"), c.values(Map.of("max_age_days", "7")));
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> c.sql(Map.of("max_age_days", "30 or 1=1")));
        assertEquals("max_age_days must be a whole number, got '30 or 1=1'", notANumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.sql(Map.of("owner_tag_key", "two\nlines")));
    }

    @Test
    void aMalformedFileIsOneLineNamingTheFileTheLineAndTheFix() {
        Map<String, String> broken = new java.util.LinkedHashMap<>();
        broken.put(VALID.replace("-- severity: medium\n", ""),
                "old_pipelines.sql: the header has no severity (a line '-- severity: ...' among the comment lines at "
                        + "the top of the file)");
        broken.put(VALID.replace("severity: medium", "severity: urgent"),
                "old_pipelines.sql: severity 'urgent' is not one of critical, high, medium, low");
        broken.put(VALID.replace("-- title:", "-- titel:"),
                "old_pipelines.sql:2: unknown header field 'titel'; the fields are id, title, severity, benchmarks, "
                        + "rationale, remediation, references and param");
        broken.put(VALID.replace("id: old_pipelines", "id: other_name"),
                "old_pipelines.sql: id 'other_name' must be the file's name: rename the file other_name.sql or "
                        + "change the id to old_pipelines");
        broken.put(VALID.replace("param max_age_days = 30:", "param max_age_days = thirty:"),
                "old_pipelines.sql:9: a parameter is declared as '-- param NAME = DEFAULT: DESCRIPTION' (NAME in "
                        + "lower case, DEFAULT a whole number or 'quoted text'), not 'param max_age_days = thirty: Days "
                        + "a pipeline may'");
        broken.put(VALID.replace("${max_age_days}", "30"),
                "old_pipelines.sql:9: parameter max_age_days is declared but the query never reads it as "
                        + "${max_age_days}");
        broken.put(VALID.replace("${owner_tag_key}", "${owner_tag}"),
                "old_pipelines.sql: the query reads ${owner_tag}, which the header does not declare (add '-- param "
                        + "owner_tag = DEFAULT: DESCRIPTION')");
        broken.put(VALID.replace("benchmarks: mine", "benchmarks: all"),
                "old_pipelines.sql: benchmark 'all' must be lower-case letters, digits and hyphens, and not 'all', "
                        + "which holds every control");
        broken.put(VALID.substring(0, VALID.indexOf("select")),
                "old_pipelines.sql: there is no query after the header");
        broken.put(VALID.replace("-- remediation: Rebuild them.\n", "-- remediation: Rebuild them.\n-- title: Again\n"),
                "old_pipelines.sql:8: field title is given twice");
        broken.forEach((text, message) -> assertEquals(message, assertThrows(MalformedControlException.class,
                () -> ControlFile.parse("old_pipelines.sql", text)).getMessage()));
    }

    @Test
    void theBundledIndexListsEveryBundledFileAndEachParses() throws Exception {
        Path dir = Path.of("src", "main", "resources", "io", "github", "imagebuildersql", "controls");
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(files::add);
        }
        assertEquals(List.copyOf(files), Files.readAllLines(dir.resolve("index.txt")),
                "index.txt must list the bundled controls' files, in order");
        ControlLibrary bundled = ControlLibrary.bundled();
        assertEquals(files.size(), bundled.controls().size());
        assertEquals(List.of("build-health", "encryption", "foundational", "all"), bundled.benchmarks());
        assertEquals(bundled.controls(), bundled.benchmark("all"));
        int inOne = bundled.benchmark("foundational").size() + bundled.benchmark("encryption").size()
                + bundled.benchmark("build-health").size();
        assertEquals(bundled.controls().size(), inOne, "every bundled control is in exactly one named benchmark");
    }

    @Test
    void aDirectoryAddsControlsAndMayNotTakeABundledId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old_pipelines.sql"), VALID);
        Files.writeString(dir.resolve("notes.txt"), "not a control");
        ControlLibrary library = ControlLibrary.bundled().withDirectory(dir);
        assertEquals(ControlLibrary.bundled().controls().size() + 1, library.controls().size());
        assertEquals(List.of("old_pipelines"), library.benchmark("mine").stream().map(Control::id).toList());
        assertTrue(library.benchmark("build-health").stream().anyMatch(c -> c.id().equals("old_pipelines")),
                "a user's control joins a bundled benchmark by naming it");

        Path clash = Files.createDirectory(dir.resolve("clash"));
        String bundledText = ControlLibrary.bundled().control("lifecycle_policy_enabled").orElseThrow().text();
        Files.writeString(clash.resolve("lifecycle_policy_enabled.sql"), bundledText);
        assertEquals(clash.resolve("lifecycle_policy_enabled.sql") + ": id lifecycle_policy_enabled is already the id "
                        + "of lifecycle_policy_enabled.sql; give the control another id (and file name)",
                assertThrows(MalformedControlException.class, () -> ControlLibrary.bundled().withDirectory(clash))
                        .getMessage());
        assertEquals(dir.resolve("missing") + ": no such directory", assertThrows(MalformedControlException.class,
                () -> ControlLibrary.bundled().withDirectory(dir.resolve("missing"))).getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(empty + ": holds no control (.sql file)", assertThrows(MalformedControlException.class,
                () -> ControlLibrary.bundled().withDirectory(empty)).getMessage());
    }
}
