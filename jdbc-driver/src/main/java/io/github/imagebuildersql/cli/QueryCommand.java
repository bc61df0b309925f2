package io.github.imagebuildersql.cli;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class QueryCommand extends ConnectedCommand implements Callable<Integer> {
    private final PositionalParamSpec sql = Grammar.parameter("SQL",
            "The statement, e.g. \"select name from imagebuilder_image_pipeline\".");
    private final OptionSpec file = Grammar.option("--file", "FILE", Path.class,
            "Read the statement from a file (- for stdin).").build();

    QueryCommand() {
        super("query", new String[] {"Runs one SQL statement and prints its result on stdout."},
                "", "Example:", "  imagebuilder-sql query --demo \\",
                "      \"select account_id, count(*) from imagebuilder_image_pipeline group by 1\"");
        spec.addOption(Grammar.option("--format", "table|csv|json", ResultFormat.class,
                "table (aligned, default), csv (RFC 4180 with a header) or json (JSON Lines).")
                .defaultValue("table").build());
        spec.addArgGroup(Grammar.exactlyOne(sql, file));
        spec.addOption(Grammar.flag("--timing",
                "Where the time went (JVM start, connect, Calcite planning, AWS calls), on stderr.")
                .hidden(true).build());
    }

    @Override
    public Integer call() throws Exception {
        String sql = SqlText.read(this.sql.getValue(), file.getValue(), System.in);
        ResultFormat format = Grammar.value(spec, "--format");
        boolean timing = Grammar.value(spec, "--timing");
        long[] firstRow = new long[1];
        try (Connecting.Session session = open(); Reporter reporter = reporter(false)) {
            long connected = System.nanoTime();
            if (timing) {
                reporter.recordCpuAtScan();
            }
            try (PreparedStatement statement = session.prepare(sql);
                    ResultSet rs = statement.executeQuery()) {
                format.write(rs, out(), () -> {
                    if (firstRow[0] == 0) {
                        firstRow[0] = System.nanoTime();
                    }
                });
            }
            out().flush();
            if (timing) {
                Timing.print(err(), connected, reporter.firstScanNanos(), firstRow[0], System.nanoTime(),
                        reporter.firstScanCpuNanos());
            }
            if (!reporter.skipped().isEmpty()) {
                err().println("warning: the answer is partial: " + reporter.skipped().size()
                        + " partition(s) were skipped");
                return ExitCode.AWS;
            }
            return ExitCode.OK;
        }
    }
}
