package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.core.table.Tables;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * For cron: the result goes to a temporary file beside the target and is renamed into place only when
 * complete, so a failed, partial or interrupted run leaves the previous good export where it was.
 */
final class ExportCommand extends ConnectedCommand implements Callable<Integer> {
    private final PositionalParamSpec sql = Grammar.parameter("SQL", "The query to export.");
    private final OptionSpec table = Grammar.option("--table", "NAME", String.class,
            "Export a whole table (select *).").build();
    private final OptionSpec file = Grammar.option("--file", "FILE", Path.class,
            "Read the query from a file (- for stdin).").build();

    ExportCommand() {
        super("export", new String[] {"Writes a query's result, or a whole table, to a file: atomically, for "
                + "scheduled exports."},
                "", "Exit status: 0 written; 2 bad usage or configuration; 3 AWS failure or a skipped partition "
                        + "(the previous file is kept); 130 interrupted.", "",
                "Example (cron):", "  imagebuilder-sql export --accounts org --roleName ImageBuilderReadOnly \\",
                "      --regions all --table imagebuilder_image_pipeline \\",
                "      --out /srv/inventory/pipelines.csv");
        spec.addOption(Grammar.option("--out", "FILE", Path.class, "The file to write (replaced only on success).")
                .required(true).build());
        spec.addOption(Grammar.option("--format", "csv|jsonl|parquet", ExportFormat.class,
                "csv (RFC 4180 with a header), jsonl (JSON Lines) or parquet (typed columns: UTC timestamps, "
                        + "tags as a map, JSON as strings). Default: the one --out's extension names (.csv; "
                        + ".jsonl, .ndjson or .json; .parquet), else csv.").build());
        spec.addOption(OptionSpec.builder("--progress").type(Boolean.class).negatable(true).description(
                "Progress on stderr (rows, partitions done of total). Default: only when on a terminal.").build());
        spec.addArgGroup(Grammar.exactlyOne(sql, table, file));
    }

    enum ExportFormat implements OutFormat.Named {
        csv(ResultFormat.CSV, "csv"), jsonl(ResultFormat.JSON, "jsonl", "ndjson", "json"), parquet(null, "parquet");

        /** The text format's writer; null for Parquet, which is not text. */
        final ResultFormat writer;
        private final List<String> extensions;

        ExportFormat(ResultFormat writer, String... extensions) {
            this.writer = writer;
            this.extensions = List.of(extensions);
        }

        @Override
        public List<String> extensions() {
            return extensions;
        }
    }

    @Override
    public Integer call() throws Exception {
        Path out = Grammar.value(spec, "--out");
        ExportFormat format = OutFormat.choose(Grammar.value(spec, "--format"), ExportFormat.csv, out);
        Boolean progress = Grammar.value(spec, "--progress");
        String sql = table.getValue() != null ? "select * from " + tableNamed(table.getValue())
                : SqlText.read(this.sql.getValue(), file.getValue(), System.in);
        boolean showProgress = progress != null ? progress : System.console() != null;
        try (PartialFile partial = PartialFile.beside(out); Connecting.Session session = open();
                Reporter reporter = reporter(showProgress)) {
            long rows;
            try (PreparedStatement statement = session.prepare(sql);
                    ResultSet rs = statement.executeQuery()) {
                if (format.writer == null) {
                    rows = ParquetFile.write(rs, partial.path, reporter::rowWritten);
                } else {
                    try (Writer w = Files.newBufferedWriter(partial.path, StandardCharsets.UTF_8)) {
                        rows = format.writer.write(rs, w, reporter::rowWritten);
                    }
                }
            }
            if (!reporter.skipped().isEmpty()) {
                throw new Failures.CliFailure(ExitCode.AWS, reporter.skipped().size() + " partition(s) failed and were "
                        + "skipped; " + partial.leftAs());
            }
            partial.commit(err());
            if (showProgress) {
                err().println();
                err().println("wrote " + rows + " rows to " + out);
            }
            return ExitCode.OK;
        }
    }

    private static String tableNamed(String name) {
        return Tables.names().stream().filter(t -> t.equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new Failures.CliFailure(ExitCode.USAGE, "--table: no table '" + name
                        + "'; tables: " + String.join(", ", Tables.names())));
    }
}
