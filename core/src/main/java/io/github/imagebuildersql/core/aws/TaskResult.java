package io.github.imagebuildersql.core.aws;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of work done on a thread of its own, or what stopped it, thrown here as it was thrown there. */
public final class TaskResult {
    private TaskResult() {}

    public static <T> T get(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
