package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.cli.CheckReport.Outcome;
import io.github.imagebuildersql.cli.CheckReport.Status;
import io.github.imagebuildersql.core.config.Property;
import io.github.imagebuildersql.connector.jdbc.ImageBuilderDriver;
import io.github.imagebuildersql.core.scan.PartitionFailure;
import io.github.imagebuildersql.controls.Control;
import io.github.imagebuildersql.controls.ControlLibrary;
import io.github.imagebuildersql.controls.MalformedControlException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs security and hygiene controls (SQL files, bundled or the user's) over the inventory and reports a
 * verdict per resource: for a terminal, for programs (CSV, JSON), for CI (JUnit XML) and for people (HTML).
 */
final class CheckCommand extends ConnectedCommand implements Callable<Integer> {
    /**
     * How long the run's API answers are reused by its own controls (the connection's cacheTtl, unless the
     * user gives one): the whole run. A command is a new JVM, so nothing older than the run is ever read.
     */
    private static final String RUN_CACHE_TTL = "86400";

    private final OptionSpec benchmark = Grammar.option("--benchmark", "NAME", String.class,
            "The controls of a benchmark: foundational, encryption, build-health, or all (default).").build();
    private final OptionSpec control = OptionSpec.builder("--control").paramLabel("ID").type(List.class)
            .auxiliaryTypes(String.class).splitRegex(",").description("Run these controls (repeatable, or a comma "
                    + "list), instead of a benchmark.").build();

    CheckCommand() {
        super("check", new String[] {"Runs the Image Builder controls (SQL queries bundled in the jar, and your own) "
                + "and reports a verdict per resource: ok, alarm, info or skip."},
                "", "Exit status: 0 nothing in alarm; 2 bad usage, configuration or control; 3 AWS failure, or a "
                        + "partition could not be scanned (the report is still written, marked partial); 4 at least "
                        + "one resource in alarm; 130 interrupted.", "",
                "Example (cron):", "  imagebuilder-sql check --accounts org --roleName ImageBuilderReadOnly "
                        + "--regions all --format html --out /srv/reports/imagebuilder.html");
        spec.addArgGroup(picocli.CommandLine.Model.ArgGroupSpec.builder().exclusive(true).multiplicity("0..1")
                .addArg(benchmark).addArg(control).build());
        spec.addOption(OptionSpec.builder("--param").paramLabel("NAME=VALUE").type(List.class)
                .auxiliaryTypes(String.class).description("A control parameter's value (repeatable), e.g. "
                        + "max_age_days=14 or owner_tag_key=owner.").build());
        spec.addOption(Grammar.option("--format", "table|csv|json|junit|html", CheckFormat.class,
                "table (a summary), csv (a row per finding), json (one document), junit (JUnit XML) or html (one "
                        + "self-contained page). Default: the one --out's extension names (.csv, .json, .xml, .html "
                        + "or .htm), else table.").build());
        spec.addOption(Grammar.option("--out", "FILE", Path.class,
                "Write the report to this file (replaced only when complete) instead of stdout.").build());
        spec.addOption(Grammar.option("--controls-dir", "DIR", Path.class,
                "Also load the controls (.sql files, same format) of this directory.").build());
    }

    @Override
    boolean freshAnswers() {
        return false; // the run's own cache, see RUN_CACHE_TTL
    }

    @Override
    public Integer call() throws Exception {
        ControlLibrary library = library(Grammar.value(spec, "--controls-dir"));
        List<Control> controls = selected(library);
        List<String> ids = control.getValue();
        String selection = ids != null ? "controls " + String.join(", ", ids)
                : "benchmark " + (benchmark.getValue() != null ? benchmark.<String>getValue() : ControlLibrary.ALL);
        Map<String, String> given = parameters(controls);
        List<CheckRun.Planned> planned = new ArrayList<>();
        for (Control c : controls) {
            try {
                planned.add(new CheckRun.Planned(c, c.values(given), c.sql(given)));
            } catch (IllegalArgumentException e) {
                throw new Failures.CliFailure(ExitCode.USAGE, "--param " + e.getMessage());
            }
        }
        Path out = Grammar.value(spec, "--out");
        CheckFormat format = OutFormat.choose(Grammar.value(spec, "--format"), CheckFormat.table, out);
        Instant checkedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (PartialFile partial = out == null ? null : PartialFile.beside(out);
                Reporter reporter = reporter(false);
                Connection connection = connect()) {
            List<Outcome> outcomes = new ArrayList<>(CheckRun.run(connection, planned, reporter));
            outcomes.sort(Outcome.ORDER);
            CheckReport report = new CheckReport(selection, checkedAt, outcomes,
                    reporter.skipped().stream().map(PartitionFailure::describe).toList());
            if (partial == null) {
                format.write(report, out());
            } else {
                try (Writer w = Files.newBufferedWriter(partial.path, StandardCharsets.UTF_8)) {
                    format.write(report, w);
                }
                partial.commit(err());
            }
            if (report.partial()) {
                err().println("warning: the check is partial: " + report.skippedPartitions().size()
                        + " partition(s) could not be scanned");
                return ExitCode.AWS;
            }
            return report.count(Status.ALARM) > 0 ? ExitCode.ALARM : ExitCode.OK;
        }
    }

    private static ControlLibrary library(Path dir) {
        try {
            return dir == null ? ControlLibrary.bundled() : ControlLibrary.bundled().withDirectory(dir);
        } catch (MalformedControlException e) {
            throw new Failures.CliFailure(ExitCode.USAGE, "control " + e.getMessage());
        }
    }

    private List<Control> selected(ControlLibrary library) {
        List<String> ids = control.getValue();
        if (ids != null) {
            List<Control> controls = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                controls.add(library.control(id).orElseThrow(() -> new Failures.CliFailure(ExitCode.USAGE,
                        "--control: no control '" + id + "'; controls: " + String.join(", ",
                                library.controls().stream().map(Control::id).toList()))));
            }
            return controls;
        }
        String name = benchmark.getValue() != null ? benchmark.getValue() : ControlLibrary.ALL;
        List<Control> controls = library.benchmark(name);
        if (controls.isEmpty()) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--benchmark: no benchmark '" + name + "'; benchmarks: "
                    + String.join(", ", library.benchmarks()));
        }
        return controls;
    }

    /** The --param values, each naming a parameter of a selected control. */
    private Map<String, String> parameters(List<Control> controls) {
        Set<String> known = new TreeSet<>();
        controls.forEach(c -> c.parameters().forEach(p -> known.add(p.name())));
        Map<String, String> values = new LinkedHashMap<>();
        List<String> given = Grammar.value(spec, "--param");
        for (String param : given == null ? List.<String>of() : given) {
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq).strip();
            if (eq < 0) {
                throw new Failures.CliFailure(ExitCode.USAGE, "--param " + param + ": write NAME=VALUE, e.g. "
                        + "max_age_days=14");
            }
            if (!known.contains(name)) {
                throw new Failures.CliFailure(ExitCode.USAGE, "--param " + name + ": no selected control has this "
                        + "parameter; " + (known.isEmpty() ? "they have none" : "parameters: " + String.join(", ", known)));
            }
            if (values.put(name, param.substring(eq + 1)) != null) {
                throw new Failures.CliFailure(ExitCode.USAGE, "--param " + name + " is given twice");
            }
        }
        return values;
    }

    /** One connection for the whole run, whose result cache lets every control reuse the up-front scans. */
    private Connection connect() throws Exception {
        Connecting.Target target = Connecting.target(spec, url(), demo(), freshAnswers());
        if (!target.info().containsKey(Property.CACHE_TTL.key())) {
            target.info().setProperty(Property.CACHE_TTL.key(), RUN_CACHE_TTL);
        }
        return new ImageBuilderDriver().connect(target.url(), target.info());
    }
}
