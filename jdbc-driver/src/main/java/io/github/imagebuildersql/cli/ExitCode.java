package io.github.imagebuildersql.cli;

/** The documented exit statuses, for scripts and cron. */
public final class ExitCode {
    public static final int OK = 0;
    /** Something unexpected went wrong inside the tool; --verbose shows the stack trace. */
    public static final int INTERNAL = 1;
    /** Bad usage: an unknown option, bad configuration, bad SQL, an output file that cannot be written. */
    public static final int USAGE = 2;
    /** AWS failed: a partition failed, or was skipped so the answer is partial, or credentials did not work. */
    public static final int AWS = 3;
    /** check: the controls ran and at least one resource is in alarm. */
    public static final int ALARM = 4;
    /** Interrupted (Ctrl-C, SIGTERM). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
