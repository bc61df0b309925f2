package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.SampleEstate.own;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The answers of the sample queries for issue 28's questions (sample-queries/queries/22 to 28, checked through the
 * shaded jar by SampleQueriesTest), computed here from the sample estate without SQL: what the .csv files say is
 * what the fixture holds.
 */
class SampleAnswersTest {
    static final Path QUERIES = Path.of("..", "sample-queries", "queries");
    static final Fixture ESTATE = Fixture.sampleEstate();

    /** The organisation's ACTIVE accounts, which accounts=org scans, in each region of the demo. */
    static void forEachPartition(BiConsumer<String, String> each) {
        for (String account : new java.util.TreeSet<>(ESTATE.accounts().keySet())) {
            if (ESTATE.account(account).status().equals("ACTIVE")) {
                for (String region : List.of("us-east-1", "eu-west-1", "ap-southeast-2")) {
                    each.accept(account, region);
                }
            }
        }
    }

    static Fixture.Region data(String account, String region) {
        return ESTATE.account(account).region(region);
    }

    @Test
    void pipelinesOnTheLatestParentImage() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        forEachPartition((account, region) -> data(account, region).imagePipelines().forEach(p -> {
            ObjectNode recipe = data(account, region).imageRecipes().stream()
                    .filter(r -> r.get("arn").asText().equals(p.path("imageRecipeArn").asText())).findFirst().orElse(null);
            String parent = recipe == null ? "" : recipe.get("parentImage").asText();
            if (parent.contains(":aws:image/")) {
                String image = parent.substring(0, parent.lastIndexOf('/') + 1);
                String latest = ESTATE.amazon(region).images().stream().map(i -> i.get("arn").asText())
                        .filter(a -> a.startsWith(image)).map(a -> a.substring(image.length(), a.lastIndexOf('/')))
                        .max(SEMANTIC).orElseThrow();
                rows.add(List.of(account, region, p.get("name").asText(), parent, latest,
                        String.valueOf(parent.equals(image + latest) || parent.endsWith("/x.x.x"))));
            }
        }));
        rows.sort(Comparator.comparing((List<String> r) -> r.get(5)).thenComparing(r -> r.get(0))
                .thenComparing(r -> r.get(1)).thenComparing(r -> r.get(2)));
        assertAnswer("22-", List.of("account_id", "region", "pipeline", "parent_image", "latest_version", "on_latest"),
                rows);
    }

    @Test
    void sharedOutsideTheOrganisation() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        forEachPartition((account, region) -> {
            Fixture.Region d = data(account, region);
            Map<String, List<ObjectNode>> kinds = Map.of("image", d.images(), "component", d.components(),
                    "image recipe", d.imageRecipes(), "container recipe", d.containerRecipes());
            kinds.forEach((kind, objects) -> own(account, objects).forEach(o -> {
                String policy = d.resourcePolicies().get(o.get("arn").asText());
                for (String principal : principals(policy)) {
                    String grantee = principal.substring(13, 25);
                    if (!ESTATE.accounts().containsKey(grantee)) {
                        rows.add(List.of(kind, account, region, o.get("arn").asText(), grantee));
                    }
                }
            }));
        });
        rows.sort(Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(2))
                .thenComparing(r -> r.get(3)).thenComparing(r -> r.get(4)));
        assertAnswer("23-", List.of("kind", "account_id", "region", "arn", "shared_with"), rows);
    }

    @Test
    void imagesWithOpensslOlderThan307() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        forEachPartition((account, region) -> own(account, data(account, region).images()).forEach(image -> {
            String arn = image.get("arn").asText();
            for (JsonNode p : data(account, region).imagePackages().getOrDefault(arn, List.of())) {
                String version = p.get("packageVersion").asText();
                if (p.get("packageName").asText().equals("openssl") && SEMANTIC.compare(upstream(version), "3.0.7") < 0) {
                    rows.add(List.of(account, region, image.get("name").asText(), image.get("version").asText(), arn,
                            version));
                }
            }
        }));
        assertTrue(!rows.isEmpty());
        assertAnswer("24-", List.of("account_id", "region", "image", "version", "image_build_version_arn",
                "package_version"), rows);
    }

    @Test
    void buildsThatFailedAndTheStep() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        forEachPartition((account, region) -> data(account, region).workflowExecutions().stream()
                .filter(e -> e.get("status").asText().equals("FAILED")).forEach(e -> data(account, region)
                        .workflowStepExecutions().stream()
                        .filter(s -> s.get("workflowExecutionId").equals(e.get("workflowExecutionId"))
                                && s.get("status").asText().equals("FAILED"))
                        .forEach(s -> rows.add(List.of(account, region, e.get("imageBuildVersionArn").asText(),
                                e.get("type").asText(), s.get("name").asText(), s.get("action").asText(),
                                s.get("message").asText())))));
        rows.sort(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1))
                .thenComparing(r -> r.get(2)).thenComparing(r -> r.get(3)));
        assertAnswer("25-", List.of("account_id", "region", "image_build_version_arn", "workflow", "step", "action",
                "message"), rows);
    }

    @Test
    void buildsWaitingForApproval() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        forEachPartition((account, region) -> data(account, region).workflowStepExecutions().stream()
                .filter(s -> s.get("action").asText().equals("WaitForAction") && s.get("status").asText().equals("RUNNING"))
                .forEach(s -> rows.add(List.of(account, region, s.get("imageBuildVersionArn").asText(),
                        s.get("name").asText(), Instant.parse(s.get("startTime").asText()).toString(),
                        s.get("stepExecutionId").asText()))));
        rows.sort(Comparator.comparing((List<String> r) -> r.get(4)));
        assertAnswer("26-", List.of("account_id", "region", "image_build_version_arn", "step", "waiting_since",
                "step_execution_id"), rows);
    }

    @Test
    void whatLifecyclePoliciesDeprecatedOrDeleted() throws IOException {
        Instant from = Instant.parse("2024-09-01T00:00:00Z");
        Instant to = Instant.parse("2024-09-02T00:00:00Z");
        List<List<String>> rows = new ArrayList<>();
        forEachPartition((account, region) -> data(account, region).lifecycleExecutions().forEach(e -> {
            Instant start = Instant.ofEpochMilli(Math.round(e.get("startTime").asDouble() * 1000));
            if (start.isBefore(from) || !start.isBefore(to)) {
                return;
            }
            data(account, region).lifecycleExecutionResources().getOrDefault(e.get("lifecycleExecutionId").asText(),
                    List.of()).stream().filter(r -> List.of("DEPRECATE", "DELETE", "DISABLE")
                            .contains(r.get("action").get("name").asText()))
                    .forEach(r -> rows.add(List.of(account, region, e.get("lifecyclePolicyArn").asText(),
                            start.toString(), r.get("action").get("name").asText(), r.get("resourceId").asText(),
                            r.get("region").asText(), r.get("state").get("status").asText(),
                            r.path("parentResourceId").asText(""))));
        }));
        rows.sort(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1))
                .thenComparing(r -> r.get(8)).thenComparing(r -> r.get(5)));
        assertAnswer("27-", List.of("account_id", "region", "lifecycle_policy_arn", "run_started", "action",
                "resource_id", "resource_region", "status", "parent_resource_id"), rows);
    }

    @Test
    void columnsOfATable() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Column<?> c : Tables.definition("imagebuilder_image_pipeline").columns()) {
            String type = switch (c.type()) {
                case VARCHAR, JSON -> "VARCHAR";
                case TAGS -> "MAP";
                default -> c.type().name();
            };
            rows.add(List.of(c.name(), type, c.description()));
        }
        assertAnswer("28-", List.of("column_name", "data_type", "description"), rows);
    }

    /** The principals of a policy's statements that name AWS accounts by ARN (one, or a list). */
    static List<String> principals(String policy) {
        if (policy == null) {
            return List.of();
        }
        List<String> principals = new ArrayList<>();
        try {
            for (JsonNode statement : JsonMapper.builder().build().readTree(policy).path("Statement")) {
                JsonNode aws = statement.path("Principal").path("AWS");
                List<JsonNode> named = new ArrayList<>();
                if (aws.isArray()) {
                    aws.forEach(named::add);
                } else {
                    named.add(aws);
                }
                named.stream().map(JsonNode::asText).filter(p -> p.startsWith("arn:aws:iam::")).forEach(principals::add);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return principals;
    }

    /** A package version's upstream part, e.g. 1.0.2 of 1.0.2k-24.amzn2.0.12. */
    static String upstream(String version) {
        StringBuilder out = new StringBuilder();
        for (char ch : version.toCharArray()) {
            if (!Character.isDigit(ch) && ch != '.') {
                break;
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** Versions as numbers, part by part. */
    static final Comparator<String> SEMANTIC = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    /** The .csv beside the query whose file name starts with the prefix says exactly this header and these rows. */
    static void assertAnswer(String prefix, List<String> header, List<List<String>> rows) throws IOException {
        Path csv;
        try (Stream<Path> files = Files.list(QUERIES)) {
            csv = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv"))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "*.csv in " + QUERIES));
        }
        List<List<String>> expected = new ArrayList<>();
        expected.add(header);
        expected.addAll(rows);
        assertEquals(expected, Csv.parse(Files.readString(csv, StandardCharsets.UTF_8)), csv.toString());
    }

    /** RFC 4180, as the command line writes it: quoted fields may hold commas, quotes (doubled) and newlines. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
