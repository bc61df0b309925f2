package io.github.imagebuildersql.cli;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs one SQL statement and prints its result on stdout.",
        footer = {"", "Example:", "  imagebuilder-sql query --demo \"select account_id, region, count(*) "
                + "from imagebuilder_image_pipeline group by account_id, region\""})
final class QueryCommand extends ConnectedCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            description = "table (aligned, default), csv (RFC 4180 with a header) or json (JSON Lines).")
    ResultFormat format;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "SQL", description = "The statement, e.g. \"select name from imagebuilder_image_pipeline\".")
        String sql;

        @Option(names = "--file", paramLabel = "FILE", description = "Read the statement from a file (- for stdin).")
        Path file;
    }

    @Option(names = "--timing", hidden = true,
            description = "Where the time went (JVM start, connect, Calcite planning, AWS calls), on stderr.")
    boolean timing;

    @Override
    public Integer call() throws Exception {
        String sql = SqlText.read(source.sql, source.file, System.in);
        long[] firstRow = new long[1];
        try (Connecting.Session session = open(); Reporter reporter = Reporter.install(err(), false)) {
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
