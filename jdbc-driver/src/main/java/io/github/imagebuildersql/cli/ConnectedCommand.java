package io.github.imagebuildersql.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command has: where to connect, and how much to say when things go wrong. */
abstract class ConnectedCommand {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "A full jdbc:imagebuilder: URL; the property options below are added to it.")
    String url;

    @Option(names = "--demo", description = "Run against the bundled sample estate on an emulator started in this "
            + "process: real answers, no AWS account needed.")
    boolean demo;

    @Option(names = "--verbose", description = "Full stack traces and the SDK's log on stderr.")
    boolean verbose;

    Connecting.Session open() throws Exception {
        return Connecting.open(spec, url, demo, freshAnswers());
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
