package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imagebuildersql.controls.Control;
import io.github.imagebuildersql.controls.ControlLibrary;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** check, as users and CI run it: the bundled controls against the demo estate, every report format, exit statuses. */
class CheckCommandIT {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The demo estate's scan: its ACTIVE accounts in its three regions. */
    static final List<String> DEMO_REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");

    /** The JSON report of the whole bundled library on the demo estate, at the parameters' defaults. */
    static JsonNode all;

    @BeforeAll
    static void checkEverything() throws Exception {
        Jar.Result r = Jar.run("check", "--demo", "--format", "json");
        assertEquals(4, r.exit(), "resources in alarm: " + r.err());
        assertEquals("", r.err());
        all = JSON.readTree(r.out());
    }

    /** The sample estate as JSON, read with this test's Jackson (the jar on the classpath has a relocated one). */
    static JsonNode estate() throws Exception {
        try (var in = Emulator.class.getResourceAsStream("fixture/" + Fixture.SAMPLE_ESTATE)) {
            return JSON.readTree(in);
        }
    }

    static String arn(String region, String account, String resource) {
        return "arn:aws:imagebuilder:" + region + ":" + account + ":" + resource;
    }

    static final String A = "111111111111";
    static final String B = "222222222222";
    static final String C = "333333333333";

    /** Per control: resources and the status each must get at the defaults (a failing and a passing one at least). */
    static final Map<String, Map<String, String>> CHOSEN = Map.ofEntries(
            Map.entry("pipeline_image_scanning_enabled", Map.of(
                    arn("us-east-1", A, "image-pipeline/bastion-hardened"), "alarm",
                    arn("us-east-1", A, "image-pipeline/ci-runner-al2023"), "ok")),
            Map.entry("pipeline_enhanced_metadata_enabled", Map.of(
                    arn("us-east-1", A, "image-pipeline/ci-runner-windows-2022"), "alarm",
                    arn("us-east-1", A, "image-pipeline/ci-runner-al2023"), "ok")),
            Map.entry("infrastructure_sns_notifications", Map.of(
                    arn("us-east-1", A, "infrastructure-configuration/ops-builders"), "alarm",
                    arn("us-east-1", A, "infrastructure-configuration/ci-builders"), "ok")),
            Map.entry("infrastructure_imdsv2_required", Map.of(
                    arn("us-east-1", A, "infrastructure-configuration/ops-builders"), "alarm",
                    arn("us-east-1", B, "infrastructure-configuration/payments-builders-windows"), "alarm",
                    arn("us-east-1", A, "infrastructure-configuration/ci-builders"), "ok")),
            Map.entry("infrastructure_terminate_on_failure", Map.of(
                    arn("us-east-1", A, "infrastructure-configuration/ci-builders-windows"), "alarm",
                    arn("us-east-1", B, "infrastructure-configuration/payments-builders-windows"), "ok",
                    arn("us-east-1", A, "infrastructure-configuration/ci-builders"), "ok")),
            Map.entry("component_encrypted_cmk", Map.of(
                    arn("us-east-1", A, "component/install-cloudwatch-agent/1.0.0/1"), "alarm",
                    arn("us-east-1", A, "component/cis-level2-hardening/2.0.0/1"), "ok")),
            Map.entry("image_recipe_volumes_encrypted_cmk", Map.of(
                    arn("us-east-1", A, "image-recipe/bastion-cis/1.0.3"), "alarm",
                    arn("us-east-1", A, "image-recipe/ci-runner-al2023/3.2.0"), "alarm",
                    arn("us-east-1", B, "image-recipe/payments-api/4.1.0"), "ok")),
            Map.entry("container_recipe_storage_encrypted_cmk", Map.of(
                    arn("ap-southeast-2", C, "container-recipe/dbt-runner/1.8.0"), "alarm",
                    arn("us-east-1", B, "container-recipe/fraud-scoring/1.9.2"), "ok")),
            Map.entry("container_recipe_dockerfile_encrypted_cmk", Map.of(
                    arn("ap-southeast-2", C, "container-recipe/dbt-runner/1.8.0"), "alarm",
                    arn("us-east-1", B, "container-recipe/fraud-scoring/1.9.2"), "ok")),
            Map.entry("ami_not_public", Map.of(
                    arn("ap-southeast-2", C, "distribution-configuration/data-apac"), "alarm",
                    arn("us-east-1", A, "distribution-configuration/ci-all-regions"), "ok")),
            Map.entry("distribution_within_organization", Map.of(
                    arn("us-east-1", B, "distribution-configuration/payments-eu-us"), "alarm",
                    arn("us-east-1", A, "distribution-configuration/ci-all-regions"), "ok",
                    arn("us-east-1", C, "distribution-configuration/data-us"), "ok")),
            Map.entry("pipeline_consecutive_failures", Map.of(
                    arn("us-east-1", C, "image-pipeline/spark-emr-custom"), "alarm",
                    arn("us-east-1", A, "image-pipeline/ci-runner-windows-2022"), "info",
                    arn("us-east-1", A, "image-pipeline/ci-runner-al2023"), "ok")),
            Map.entry("pipeline_has_schedule", Map.of(
                    arn("us-east-1", C, "image-pipeline/jupyter-gpu"), "alarm",
                    arn("us-east-1", A, "image-pipeline/ci-runner-al2023"), "ok",
                    arn("us-east-1", A, "image-pipeline/bastion-hardened"), "skip")),
            Map.entry("pipeline_latest_image_age", Map.of(
                    arn("us-east-1", A, "image-pipeline/ci-runner-al2023"), "alarm",
                    arn("us-east-1", A, "image-pipeline/bastion-hardened"), "skip")),
            Map.entry("image_critical_findings_fixed", Map.of(
                    arn("us-east-1", A, "image/ci-runner-al2023/3.2.0/1"), "alarm",
                    arn("us-east-1", A, "image/ci-runner-al2023/3.2.0/3"), "ok",
                    arn("eu-west-1", B, "image/settlement/0.9.0/1"), "skip",
                    arn("us-east-1", A, "image/ci-runner-al2023/3.2.0/2"), "skip")),
            Map.entry("lifecycle_policy_enabled", Map.of(
                    arn("us-east-1", A, "lifecycle-policy/delete-unused-bastions"), "alarm",
                    arn("us-east-1", A, "lifecycle-policy/deprecate-old-ci-amis"), "ok")),
            Map.entry("recipe_deprecated_component", Map.of(
                    arn("us-east-1", A, "image-recipe/bastion-cis/1.0.3"), "alarm",
                    arn("us-east-1", B, "image-recipe/payments-api/4.0.0"), "alarm",
                    arn("us-east-1", B, "image-recipe/payments-api/4.1.0"), "ok")),
            Map.entry("resource_owner_tag", Map.of(
                    arn("us-east-1", C, "image-pipeline/jupyter-gpu"), "alarm",
                    arn("us-east-1", A, "lifecycle-policy/delete-unused-bastions"), "alarm",
                    arn("us-east-1", A, "image-pipeline/ci-runner-al2023"), "ok")));

    static Map<String, String> statuses(JsonNode report, String control) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode c : report.get("controls")) {
            if (c.get("id").asText().equals(control)) {
                c.get("findings").forEach(f -> statuses.put(f.get("resource").asText(), f.get("status").asText()));
            }
        }
        return statuses;
    }

    @Test
    void everyBundledControlGivesItsChosenResourcesTheirVerdicts() {
        List<String> ids = new ArrayList<>();
        all.get("controls").forEach(c -> ids.add(c.get("id").asText()));
        assertEquals(new TreeSet<>(ControlLibrary.bundled().controls().stream().map(Control::id).toList()),
                new TreeSet<>(ids), "check runs every bundled control by default");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(CHOSEN.keySet()), "every control has chosen resources here");
        CHOSEN.forEach((control, expected) -> {
            Map<String, String> got = statuses(all, control);
            expected.forEach((resource, status) -> assertEquals(status, got.get(resource), control + ": " + resource));
            assertTrue(expected.containsValue("alarm") && expected.containsValue("ok") || control.equals(
                    "pipeline_latest_image_age"), control + " has a failing and a passing resource");
        });
    }

    @Test
    void everyFindingIsAResourceOfTheScannedAccountsWithAReason() throws Exception {
        for (JsonNode c : all.get("controls")) {
            int total = 0;
            for (JsonNode f : c.get("findings")) {
                String resource = f.get("resource").asText();
                assertTrue(List.of(A, B, C).contains(f.get("account_id").asText()), resource);
                assertTrue(DEMO_REGIONS.contains(f.get("region").asText()), resource);
                assertTrue(resource.startsWith("arn:aws:imagebuilder:" + f.get("region").asText() + ":"
                        + f.get("account_id").asText() + ":"), resource);
                assertFalse(f.get("reason").asText().isBlank(), resource);
                total++;
            }
            int counted = 0;
            for (String s : List.of("ok", "alarm", "info", "skip")) {
                counted += c.get("counts").get(s).asInt();
            }
            assertEquals(total, counted, c.get("id").asText());
        }
        int policies = 0;
        for (JsonNode account : estate().get("accounts")) {
            for (String region : DEMO_REGIONS) {
                if (account.get("status").asText().equals("ACTIVE")) {
                    policies += account.path("regions").path(region).path("lifecyclePolicies").size();
                }
            }
        }
        assertEquals(policies, statuses(all, "lifecycle_policy_enabled").size(), "one finding per policy scanned");
    }

    @Test
    void parametersChangeVerdicts() throws Exception {
        Instant newest = Instant.MIN;
        for (JsonNode i : estate().at("/accounts/" + A + "/regions/us-east-1/images")) {
            if (i.path("sourcePipelineArn").asText().endsWith("/ci-runner-al2023")
                    && i.path("state").path("status").asText().equals("AVAILABLE")) {
                Instant created = Instant.parse(i.get("dateCreated").asText());
                newest = created.isAfter(newest) ? created : newest;
            }
        }
        long days = ChronoUnit.DAYS.between(newest, Instant.now()) + 2;
        Jar.Result r = Jar.run("check", "--demo", "--format", "json", "--control",
                "pipeline_consecutive_failures,pipeline_latest_image_age", "--control", "resource_owner_tag",
                "--control", "distribution_within_organization", "--param", "alarm_at=6",
                "--param", "max_age_days=" + days, "--param", "owner_tag_key=owner",
                "--param", "trusted_accounts=999988887777, 555555555555");
        assertEquals(4, r.exit(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals("info", statuses(report, "pipeline_consecutive_failures")
                .get(arn("us-east-1", C, "image-pipeline/spark-emr-custom")), "5 failures: alarm at 3, info at 6");
        assertEquals("ok", statuses(report, "pipeline_latest_image_age")
                .get(arn("us-east-1", A, "image-pipeline/ci-runner-al2023")), days + " days allowed");
        assertEquals("alarm", statuses(report, "pipeline_latest_image_age")
                .get(arn("us-east-1", B, "image-pipeline/payments-iis-win2019")), "its newest image is older");
        Map<String, String> owners = statuses(report, "resource_owner_tag");
        assertEquals("ok", owners.get(arn("us-east-1", C, "image-pipeline/jupyter-gpu")), "tagged owner=ml-research");
        assertEquals("alarm", owners.get(arn("us-east-1", A, "image-pipeline/ci-runner-al2023")), "no owner tag");
        assertEquals("ok", statuses(report, "distribution_within_organization")
                .get(arn("us-east-1", B, "distribution-configuration/payments-eu-us")), "both accounts trusted");
        for (JsonNode c : report.get("controls")) {
            if (c.get("id").asText().equals("pipeline_consecutive_failures")) {
                assertEquals("{\"info_at\":\"1\",\"alarm_at\":\"6\"}", c.get("parameters").toString());
            }
        }
    }

    @Test
    void theSummaryCountsEachControlAndAccountAndListsEveryAlarmWithStatusFour() {
        Jar.Result r = Jar.run("check", "--demo", "--benchmark", "build-health");
        assertEquals(4, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Check of benchmark build-health: 5 controls, "), lines.get(0));
        assertEquals("control                       | severity | ok | alarm | info | skip", lines.get(2));
        String failures = lines.stream().filter(l -> l.startsWith("pipeline_consecutive_failures ")).findFirst()
                .orElseThrow();
        Map<String, String> expected = statuses(all, "pipeline_consecutive_failures");
        assertEquals(List.of("pipeline_consecutive_failures", "medium", count(expected, "ok"), count(expected, "alarm"),
                count(expected, "info"), count(expected, "skip")), List.of(failures.split("\\s*\\|\\s*")));
        assertTrue(r.out().contains("\naccount_id   | alarms\n"), r.out());
        assertTrue(r.out().contains("\n  333333333333 us-east-1: Pipeline spark-emr-custom has 5 failed build(s) in a "
                + "row (info at 1, alarm at 3); its last run is FAILED.\n"), r.out());
        assertFalse(r.out().contains("ci-runner-windows-2022 has 2"), "info is counted, not listed as an alarm");
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ alarms in 5 controls\\."), lines.get(lines.size() - 1));
    }

    private static String count(Map<String, String> statuses, String status) {
        return String.valueOf(statuses.values().stream().filter(status::equals).count());
    }

    @Test
    void nothingInAlarmIsStatusZero() {
        Jar.Result r = Jar.run("check", "--demo", "--regions", "eu-west-1", "--control", "ami_not_public",
                "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals("control,severity,status,account_id,region,resource,reason,dimensions", rows.get(0));
        assertEquals(List.of("ami_not_public,critical,ok,222222222222,eu-west-1,"
                + arn("eu-west-1", B, "distribution-configuration/payments-eu")
                + ",Distribution configuration payments-eu makes no AMI public.,"), rows.subList(1, rows.size()));
    }

    @Test
    void badUsageIsOneLineAndStatusTwoBeforeAnyScan(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad_one.sql"), "-- id: bad_one\n-- title: x\n-- severity: severe\n"
                + "-- rationale: r\n-- remediation: m\nselect 1");
        Map<List<String>, String> cases = Map.of(
                List.of("--control", "no_such_control"), "--control: no control 'no_such_control'; controls: ",
                List.of("--benchmark", "nightly"), "--benchmark: no benchmark 'nightly'; benchmarks: build-health, "
                        + "encryption, foundational, all",
                List.of("--param", "max_age=3"), "--param max_age: no selected control has this parameter; parameters: "
                        + "alarm_at, info_at, max_age_days, owner_tag_key, trusted_accounts",
                List.of("--param", "max_age_days=soon"), "--param max_age_days must be a whole number, got 'soon'",
                List.of("--param", "max_age_days"), "--param max_age_days: write NAME=VALUE, e.g. max_age_days=14",
                List.of("--controls-dir", dir.toString()), "control " + dir.resolve("bad_one.sql")
                        + ": severity 'severe' is not one of critical, high, medium, low",
                List.of("--benchmark", "all", "--control", "ami_not_public"), "Error: --benchmark=NAME, --control=ID are "
                        + "mutually exclusive (specify only one)");
        cases.forEach((args, message) -> {
            List<String> command = new ArrayList<>(List.of("check", "--demo"));
            command.addAll(args);
            Jar.Result r = Jar.run(command.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.err());
            assertTrue(r.errLines().get(0).startsWith("imagebuilder-sql: " + message), args + ": " + r.err());
            assertTrue(r.errLines().size() <= 2 && !r.err().contains("\tat "), r.err());
            assertEquals("", r.out());
        });
    }

    @Test
    void aUserControlRunsBesideTheBundledOnesAndItsTextIsEscapedInEveryReport(@TempDir Path dir) throws Exception {
        Path controls = Files.createDirectory(dir.resolve("controls"));
        String hostile = "<script>alert('x')</script> & \"quoted\" \u0007 ";
        Files.writeString(controls.resolve("pipeline_named_by_team.sql"), """
                -- id: pipeline_named_by_team
                -- title: Pipelines are named after <their> team
                -- severity: low
                -- benchmarks: naming
                -- rationale: People find what they own.
                -- remediation: Rename it.
                -- param prefix = 'ci-': Names that pass start with this.
                select arn as resource, account_id, region,
                       case when name like ${prefix} || '%' then 'ok' else 'alarm' end as status,
                       'HOSTILE' || name as reason, name as dimensions
                from imagebuilder_image_pipeline
                """.replace("HOSTILE", hostile.replace("'", "''")));
        Path html = dir.resolve("naming.html");
        Jar.Result r = Jar.run("check", "--demo", "--controls-dir", controls.toString(), "--benchmark", "naming",
                "--format", "html", "--out", html.toString());
        assertEquals(4, r.exit(), r.err());
        Document page = Jsoup.parse(html.toFile(), "UTF-8");
        assertTrue(page.select("script").isEmpty(), "AWS and control text is escaped, never markup");
        Element article = page.getElementById("pipeline_named_by_team");
        assertNotNull(article);
        assertTrue(article.selectFirst("h3").text().startsWith("Pipelines are named after <their> team"));
        Element spark = article.select("li").stream().filter(li -> li.attr("data-resource").equals(
                arn("us-east-1", C, "image-pipeline/spark-emr-custom"))).findFirst().orElseThrow();
        assertEquals("us-east-1 " + hostile.replace('\u0007', '\uFFFD') + "spark-emr-custom " + spark.attr("data-resource"),
                spark.text(), "shown as the text it is, but for a control character HTML cannot show");

        Jar.Result junit = Jar.run("check", "--demo", "--controls-dir", controls.toString(), "--control",
                "pipeline_named_by_team", "--format", "junit");
        assertEquals(4, junit.exit(), junit.err());
        org.w3c.dom.Document xml = validJunit(junit.out());
        NodeList failures = xml.getElementsByTagName("failure");
        assertTrue(failures.getLength() > 0);
        assertTrue(((org.w3c.dom.Element) failures.item(0)).getAttribute("message")
                .startsWith(hostile.replace('\u0007', '\uFFFD')), "XML cannot hold a BEL; the rest comes back as it was");

        Jar.Result csv = Jar.run("check", "--demo", "--controls-dir", controls.toString(), "--control",
                "pipeline_named_by_team", "--param", "prefix=spark-", "--format", "csv");
        assertEquals(4, csv.exit(), csv.err());
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.out())).getRecords();
        var sparkRow = records.stream().filter(rec -> rec.get("dimensions").equals("spark-emr-custom")).findFirst()
                .orElseThrow();
        assertEquals("ok", sparkRow.get("status"), "prefix=spark- passes it");
        assertEquals(hostile + "spark-emr-custom", sparkRow.get("reason"));
    }

    @Test
    void junitIsValidAgainstTheSchemaWithASuitePerControlAndAFailurePerAlarm() throws Exception {
        Jar.Result r = Jar.run("check", "--demo", "--format", "junit");
        assertEquals(4, r.exit(), r.err());
        org.w3c.dom.Document xml = validJunit(r.out());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(all.get("controls").size(), suites.getLength());
        int failuresInAll = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            org.w3c.dom.Element suite = (org.w3c.dom.Element) suites.item(i);
            Map<String, String> expected = statuses(all, suite.getAttribute("name"));
            NodeList cases = suite.getElementsByTagName("testcase");
            assertEquals(expected.size(), cases.getLength(), suite.getAttribute("name"));
            assertEquals(String.valueOf(expected.size()), suite.getAttribute("tests"));
            assertEquals(count(expected, "alarm"), suite.getAttribute("failures"));
            assertEquals(count(expected, "skip"), suite.getAttribute("skipped"));
            for (int j = 0; j < cases.getLength(); j++) {
                org.w3c.dom.Element testcase = (org.w3c.dom.Element) cases.item(j);
                String status = expected.get(testcase.getAttribute("name"));
                assertEquals(status.equals("alarm"), testcase.getElementsByTagName("failure").getLength() == 1);
                assertEquals(status.equals("skip"), testcase.getElementsByTagName("skipped").getLength() == 1);
                assertTrue(testcase.getAttribute("classname").startsWith(suite.getAttribute("name") + "."));
            }
            failuresInAll += Integer.parseInt(suite.getAttribute("failures"));
        }
        assertEquals(String.valueOf(failuresInAll), xml.getDocumentElement().getAttribute("failures"));
        assertEquals(all.get("counts").get("alarm").asInt(), failuresInAll);
    }

    static org.w3c.dom.Document validJunit(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CheckCommandIT.class.getResource("junit-report.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void theHtmlReportIsOnePageWithABarPerControlAndEveryAlarmByControlAndAccount(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");
        Jar.Result r = Jar.run("check", "--demo", "--out", out.toString()); // the file's name chooses HTML
        assertEquals(4, r.exit(), r.err());
        assertEquals("", r.out(), "the report went to the file");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
        Document page = Jsoup.parse(out.toFile(), "UTF-8");
        assertTrue(page.select("script, link, img, iframe, object, [src]").isEmpty(), "nothing is fetched");
        assertEquals(1, page.select("style").size());
        for (JsonNode c : all.get("controls")) {
            String id = c.get("id").asText();
            Element row = page.selectFirst("tr[data-control=" + id + "]");
            assertNotNull(row, id);
            int parts = 0;
            for (String s : List.of("ok", "alarm", "info", "skip")) {
                assertEquals(c.get("counts").get(s).asText(), row.attr("data-" + s), id + " " + s);
                parts += c.get("counts").get(s).asInt() > 0 ? 1 : 0;
            }
            assertEquals(parts, row.select("svg rect").size(), id + ": a bar part per status present");
            Element article = page.getElementById(id);
            Map<String, List<String>> alarmsByAccount = new TreeMap<>();
            for (JsonNode f : c.get("findings")) {
                if (f.get("status").asText().equals("alarm")) {
                    alarmsByAccount.computeIfAbsent(f.get("account_id").asText(), a -> new ArrayList<>())
                            .add(f.get("resource").asText() + " " + f.get("reason").asText());
                }
            }
            if (alarmsByAccount.isEmpty()) {
                assertTrue(article == null, id + " has no alarm section");
                continue;
            }
            assertNotNull(article, id);
            assertTrue(article.text().contains(c.get("remediation").asText()), id);
            Map<String, List<String>> shown = new TreeMap<>();
            for (Element h4 : article.select("h4")) {
                String account = h4.text().replace("Account ", "");
                for (Element li : h4.nextElementSibling().select("li")) {
                    String resource = li.attr("data-resource");
                    String reason = li.ownText().strip();
                    shown.computeIfAbsent(account, a -> new ArrayList<>()).add(resource + " " + reason);
                }
            }
            alarmsByAccount.values().forEach(l -> l.sort(null));
            shown.values().forEach(l -> l.sort(null));
            assertEquals(alarmsByAccount, shown, id);
        }
        Map<String, Integer> perAccount = new TreeMap<>();
        all.get("controls").forEach(c -> c.get("findings").forEach(f -> perAccount.merge(f.get("account_id").asText(),
                f.get("status").asText().equals("alarm") ? 1 : 0, Integer::sum)));
        Map<String, Integer> shownPerAccount = new TreeMap<>();
        page.select("tr[data-account]").forEach(tr -> shownPerAccount.put(tr.attr("data-account"),
                Integer.parseInt(tr.select("td").get(1).text())));
        assertEquals(perAccount, shownPerAccount);
    }

    @Test
    void aPartitionThatCannotBeScannedMakesThePartialReportStatusThree() throws Exception {
        Jar.Result r = Jar.run("check", "--demo", "--accounts", A + ",444444444444", "--roleName",
                "ImageBuilderInventoryRole", "--onError", "skip", "--control", "lifecycle_policy_enabled",
                "--format", "junit");
        assertEquals(3, r.exit(), r.err());
        List<String> warnings = r.errLines().stream().filter(l -> l.startsWith("warning: partition skipped: ")).toList();
        assertEquals(DEMO_REGIONS.size(), warnings.size(), "each partition of the suspended account, once: " + r.err());
        assertTrue(warnings.stream().allMatch(w -> w.contains("444444444444")), r.err());
        assertTrue(r.err().contains("warning: the check is partial: 3 partition(s) could not be scanned"), r.err());
        org.w3c.dom.Document xml = validJunit(r.out());
        org.w3c.dom.Element scan = (org.w3c.dom.Element) xml.getElementsByTagName("testsuite").item(1);
        assertEquals("scan", scan.getAttribute("name"));
        assertEquals("3", scan.getAttribute("errors"));
        assertEquals("1", ((org.w3c.dom.Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("failures"),
                "the account that was scanned still reports its disabled policy");
    }

    /**
     * A benchmark costs one scan of each table it reads, however many of its controls read it: the API calls of
     * the check equal those of {@code select *} from each such table, once, one after the other on one
     * connection (whose answers overlap: the recipe tables and the recipe components make the same calls).
     */
    @Test
    void aBenchmarkCostsOneScanOfEachTableItReads() throws Exception {
        Fixture estate = Fixture.sampleEstate();
        try (Emulator emulator = Emulator.start(estate)) {
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", estate.credentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", estate.credentials().secretAccessKey(), "AWS_REGION", "us-east-1");
            List<String> connection = List.of("--endpoint", emulator.endpoint().toString(), "--accounts", "org",
                    "--roleName", "ImageBuilderInventoryRole", "--regions", String.join(",", DEMO_REGIONS));
            for (String benchmark : List.of("encryption", "all")) {
                List<String> check = new ArrayList<>(List.of("check", "--benchmark", benchmark, "--format", "csv"));
                check.addAll(connection);
                emulator.stats().reset();
                Jar.Result r = Jar.run(List.of(), env, null, check.toArray(String[]::new));
                assertEquals(4, r.exit(), r.err());
                Map<String, Long> checked = calls(emulator);

                TreeSet<String> tables = new TreeSet<>();
                for (Control c : ControlLibrary.bundled().benchmark(benchmark)) {
                    Matcher m = Pattern.compile("\\bimagebuilder_[a-z_]+").matcher(c.text());
                    while (m.find()) {
                        tables.add(m.group());
                    }
                }
                // Every column but resource_policy, which costs a call per row and no bundled control reads.
                StringBuilder statements = new StringBuilder();
                tables.forEach(t -> statements.append("select ").append(Tables.definition(t).columns().stream()
                        .filter(c -> c.call() == null).map(c -> '"' + c.name() + '"').collect(Collectors.joining(", ")))
                        .append(" from ").append(t).append(";\n"));
                List<String> shell = new ArrayList<>(List.of("shell", "--cacheTtl", "600", "--history",
                        Files.createTempFile("history", "").toString()));
                shell.addAll(connection);
                emulator.stats().reset();
                Jar.Result scanned = Jar.run(List.of(), env, statements + "!quit\n", shell.toArray(String[]::new));
                assertEquals(0, scanned.exit(), scanned.err());
                assertEquals(calls(emulator), checked, benchmark + " reads " + tables);
                List<String> ownCalls = Tables.all().stream().flatMap(t -> t.columns().stream())
                        .filter(c -> c.call() != null).map(c -> c.call().operation()).toList();
                assertTrue(checked.keySet().stream().noneMatch(ownCalls::contains), checked.toString());

                if (benchmark.equals("all")) {
                    // With cacheTtl 0 the controls scan for themselves, after the same up-front scans.
                    List<String> unshared = new ArrayList<>(check);
                    unshared.addAll(List.of("--cacheTtl", "0"));
                    emulator.stats().reset();
                    assertEquals(4, Jar.run(List.of(), env, null, unshared.toArray(String[]::new)).exit());
                    long shared = checked.entrySet().stream().filter(e -> !e.getKey().contains("/"))
                            .mapToLong(Map.Entry::getValue).sum();
                    long own = emulator.stats().totalRequests() - shared;
                    assertTrue(own > 2 * shared, "the controls scanning for themselves make " + own
                            + " calls against " + shared + " for the shared scans");
                }
            }
        }
    }

    /** docs/check.md's example outputs, line for line in order, but for the time a run takes place. */
    @Test
    void theDocsExamplesAreWhatTheCommandsPrint() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "check.md"));
        Map<String, List<String>> commands = Map.of(
                "table", List.of("check", "--demo", "--benchmark", "encryption"),
                "junit", List.of("check", "--demo", "--control", "ami_not_public", "--format", "junit"));
        commands.forEach((example, command) -> {
            int from = doc.indexOf("<!-- example:" + example + " (checked by CheckCommandIT) -->");
            assertTrue(from >= 0, example);
            List<String> lines = doc.substring(from, doc.indexOf("<!-- example:end -->", from)).lines()
                    .filter(l -> !l.startsWith("<!--") && !l.startsWith("```")).map(CheckCommandIT::timeless).toList();
            if (lines.get(0).startsWith("$ ")) {
                assertEquals("$ java -jar jdbc-driver/target/imagebuilder-jdbc.jar " + String.join(" ", command),
                        lines.get(0));
                lines = lines.subList(1, lines.size());
            }
            Jar.Result r = Jar.run(command.toArray(String[]::new));
            assertEquals(4, r.exit(), r.err());
            List<String> printed = r.out().lines().map(CheckCommandIT::timeless).toList();
            int at = -1;
            for (String line : lines) {
                int next = printed.subList(at + 1, printed.size()).indexOf(line);
                assertTrue(next >= 0, example + ": '" + line + "' after line " + at + " of:\n" + r.out());
                at += next + 1;
            }
        });
    }

    private static String timeless(String line) {
        return line.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ?", "TIME");
    }

    /** Calls per operation, and per account/region/operation. */
    private static Map<String, Long> calls(Emulator emulator) {
        Map<String, Long> calls = new TreeMap<>();
        for (String operation : emulator.stats().operationsEverSeen()) {
            if (emulator.stats().total(operation) > 0) {
                calls.put(operation, emulator.stats().total(operation));
            }
            for (String account : List.of(A, B, C)) {
                for (String region : DEMO_REGIONS) {
                    long n = emulator.stats().inPartition(account, region, operation);
                    if (n > 0) {
                        calls.put(account + "/" + region + "/" + operation, n);
                    }
                }
            }
        }
        return calls;
    }
}
