package io.github.imagebuildersql.core.aws;

/**
 * Work a later step will need, started now on a thread of its own: a daemon, so that it never keeps a
 * JVM from exiting.
 */
public final class Ahead {
    private Ahead() {}

    public static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
