package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.connector.jdbc.ImageBuilderDriver;
import io.github.imagebuildersql.core.aws.AwsErrors;
import io.github.imagebuildersql.core.config.DemoEstates;
import io.github.imagebuildersql.core.config.Spelling;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** {@code java -jar imagebuilder-jdbc.jar COMMAND}: the command line in the same jar as the driver. */
public final class Main implements Runnable {
    /** When main() was entered, for --timing. */
    static final long MAIN_NANOS = System.nanoTime();

    /** The commands, in the order help lists them. */
    private static final Map<String, Supplier<ConnectedCommand>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("query", QueryCommand::new);
        COMMANDS.put("export", ExportCommand::new);
        COMMANDS.put("sync", SyncCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("shell", ShellCommand::new);
    }

    private final CommandSpec spec = Grammar.command(this, "imagebuilder-sql",
            new String[] {"SQL over the EC2 Image Builder inventory of an AWS organisation.", "",
                "Connection options (every command): --url, or --regions, --accounts, --roleName, --externalId, "
                + "--profile, --endpoint, --maxConcurrency, --onError, --ignoreErrorCodes; --demo for the bundled "
                + "sample estate."},
            "", "Exit status: 0 ok; 1 internal error; 2 bad usage, configuration or SQL; "
                + "3 AWS failure or partial answer; 4 check found a resource in alarm; 130 interrupted.");

    private Main() {
        Grammar.addHelpOptions(spec);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: query, export, sync, check or shell");
    }

    public static void main(String[] args) {
        Launcher.dieWithParent();
        List<String> words = Arrays.asList(args);
        if (args.length > 0 && COMMANDS.containsKey(args[0]) && words.contains("--demo") && !words.contains("--help")
                && !words.contains("-h")) {
            DemoEstates.startAhead(); // while picocli reads the arguments and the driver connects
        }
        int exit = run(args, System.out, System.err);
        recordingComplete(exit);
        System.exit(exit);
    }

    /**
     * In a run that records the class archive (see Launcher), says that the command completed and all of
     * its output was written, so the archive is worth keeping; a run whose reader went away early (a
     * {@code head -3}) has seen fewer classes and must not leave its archive behind.
     */
    private static void recordingComplete(int exit) {
        String marker = System.getProperty(ClassArchive.RECORDING_COMPLETE_PROPERTY);
        System.out.flush();
        if (marker == null || exit != ExitCode.OK || System.out.checkError() || System.err.checkError()) {
            return;
        }
        try {
            java.nio.file.Files.createFile(java.nio.file.Path.of(marker));
        } catch (java.io.IOException e) {
            // then the archive is not kept, and the next run records it again
        }
    }

    /** Runs one command with its output on these streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        quietLogging(verbose);
        CommandLine cli = new CommandLine(new Main().spec);
        // A run that names its command up front builds only that one. Help, the only command picocli
        // builds by reflection, is for the runs that do not.
        boolean named = args.length > 0 && COMMANDS.containsKey(args[0]);
        COMMANDS.forEach((name, command) -> {
            if (!named || name.equals(args[0])) {
                CommandSpec spec = command.get().spec;
                Grammar.addHelpOptions(spec);
                Connecting.addPropertyOptions(spec);
                cli.addSubcommand(name, new CommandLine(spec));
            }
        });
        if (!named) {
            cli.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // SQL that opens with a "--" comment must reach the SQL parameter, not the option parser.
        cli.setUnmatchedOptionsArePositionalParams(true);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            String unknown = unknownOption(cmd.getCommandSpec(), a);
            cmd.getErr().println("imagebuilder-sql: " + (unknown != null ? unknown : e.getMessage()));
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("imagebuilder-sql: " + Failures.message(e));
            if (verbose) {
                // The causes of an AWS failure carry the service's text, which may quote the request's credentials.
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                cmd.getErr().print(AwsErrors.redact(trace.toString()));
            }
            cmd.getErr().flush();
            return Failures.exitCode(e);
        });
        return cli.execute(args);
    }

    /**
     * A mistyped option ({@code --region}) is taken for the statement, since SQL may start with a "--" comment,
     * and picocli then calls the statement's words unmatched: name the option instead, and the one meant.
     */
    static String unknownOption(CommandSpec command, String[] args) {
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.startsWith("--") && name.length() > 2 && name.chars().noneMatch(Character::isWhitespace)
                    && command.findOption(name) == null) {
                List<String> options = command.optionsMap().keySet().stream().filter(o -> o.startsWith("--"))
                        .toList();
                return "unknown option '" + name + "'"
                        + Spelling.closest(name, options).map(o -> "; did you mean " + o + "?").orElse("; see --help");
            }
        }
        return null;
    }

    /**
     * The connector logs skipped partitions and the SDK its retries; the command line reports what
     * matters itself, on one line, so the log is for --verbose.
     */
    private static void quietLogging(boolean verbose) {
        Logger root = Logger.getLogger("");
        Level level = verbose ? Level.INFO : Level.OFF;
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"imagebuilder-sql " + ImageBuilderDriver.version()};
        }
    }
}
