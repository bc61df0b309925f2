package io.github.imagebuildersql.cli;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import io.github.imagebuildersql.core.config.Property;
import java.util.concurrent.Callable;
import sqlline.SqlLine;

/** sqlline, connected: history, completion of tables and columns, !tables, !describe. */
final class ShellCommand extends ConnectedCommand implements Callable<Integer> {

    ShellCommand() {
        super("shell", new String[] {"An interactive SQL shell (sqlline), connected. End statements with ';'.",
                "!tables lists the tables, !describe TABLE its columns, !quit leaves."});
        spec.addOption(Grammar.option("--history", "FILE", Path.class,
                "History file (default: sqlline's, ~/.sqlline/history).").build());
    }

    @Override
    public Integer call() throws Exception {
        Connecting.Target target = Connecting.target(spec, url(), demo(), freshAnswers());
        // Fail here, with our one-line message, rather than inside sqlline's prompt.
        DriverManager.getConnection(target.url(), (Properties) target.info().clone()).close();
        Properties properties = sessionProperties(target);
        String session = SessionDriver.register(properties);
        // sqlline formats timestamps in the JVM's zone; this process's is UTC, so they read as query prints them
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        List<String> args = new ArrayList<>(List.of("-u", session, "-n", "", "-p", "", "-nn", shown(properties),
                "--timestampFormat=yyyy-MM-dd HH:mm:ss.SSSXXX",
                "--connectInteractionMode=notAskCredentials", "--isolation=TRANSACTION_NONE",
                "--showWarnings=true", "--fastConnect=false"));
        if (System.console() == null) {
            // Not a terminal: no line-width guessing, nothing cut off for the pipe or file reading us.
            args.addAll(List.of("--maxWidth=10000", "--silent=true", "--showHeader=true"));
        }
        Path history = Grammar.value(spec, "--history");
        if (history != null) {
            args.add("--historyFile=" + history);
        }
        SqlLine.Status status = new InventoryShell(session).begin(args.toArray(String[]::new), null, true);
        return status == SqlLine.Status.OK ? ExitCode.OK : ExitCode.USAGE;
    }

    @Override
    boolean freshAnswers() {
        return false;
    }

    /**
     * What the prompt shows: the URL of what the user connected to, the opaque session URL standing for it,
     * with neither the external ID (a secret) nor the plan cache the command line chose.
     */
    static String shown(Properties session) {
        StringBuilder url = new StringBuilder("jdbc:imagebuilder:");
        session.stringPropertyNames().stream().sorted().forEach(key -> {
            if (!key.equalsIgnoreCase(Property.PLAN_CACHE.key())) {
                url.append(url.charAt(url.length() - 1) == ':' ? "" : ";").append(key).append('=')
                        .append(key.equalsIgnoreCase(Property.EXTERNAL_ID.key()) ? "********" : session.getProperty(key));
            }
        });
        return url.toString();
    }

    /** The URL's own properties and the options, merged, for the session the opaque URL stands for. */
    private static Properties sessionProperties(Connecting.Target target) {
        Properties p = new Properties();
        String tail = target.url().substring("jdbc:imagebuilder:".length());
        for (String part : tail.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                p.setProperty(part.substring(0, eq).trim(), part.substring(eq + 1));
            }
        }
        target.info().forEach((k, v) -> p.setProperty((String) k, (String) v));
        return p;
    }
}
