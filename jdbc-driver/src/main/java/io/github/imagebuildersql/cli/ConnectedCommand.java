package io.github.imagebuildersql.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** What every command has: where to connect, and how much to say when things go wrong. */
abstract class ConnectedCommand {
    final CommandSpec spec;

    /** The command's grammar starts with these options; the command adds its own, then Main the rest. */
    ConnectedCommand(String name, String[] description, String... footer) {
        spec = Grammar.command(this, name, description, footer);
        spec.usageMessage().sortOptions(false);
        spec.addOption(Grammar.option("--url", "JDBC_URL", String.class,
                "A full jdbc:imagebuilder: URL; the property options below are added to it.").build());
        spec.addOption(Grammar.flag("--demo", "Run against the bundled sample estate on an emulator started in this "
                + "process: real answers, no AWS account needed.").build());
        spec.addOption(Grammar.flag("--verbose", "Full stack traces and the SDK's log on stderr.").build());
    }

    Connecting.Session open() throws Exception {
        return Connecting.open(spec, url(), demo(), freshAnswers());
    }

    /** Reports the scans on stderr (see {@link Reporter}); --verbose lists every skipped partition. */
    Reporter reporter(boolean progress) {
        return Reporter.install(err(), progress, Grammar.<Boolean>value(spec, "--verbose"));
    }

    String url() {
        return Grammar.value(spec, "--url");
    }

    boolean demo() {
        return Grammar.value(spec, "--demo");
    }

    /**
     * Whether the answers must come from AWS, never from the result cache (cacheTtl): true for one-shot
     * commands (a cron export must not write a stale inventory); the shell, a session, may use the cache.
     */
    boolean freshAnswers() {
        return true;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
