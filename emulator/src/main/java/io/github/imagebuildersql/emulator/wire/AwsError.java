package io.github.imagebuildersql.emulator.wire;

/**
 * An error the emulator answers with, as a service would: the modeled error code, its HTTP status and
 * a message. Each protocol renders it in its own wire format.
 */
public final class AwsError extends RuntimeException {
    private final String code;
    private final int status;

    public AwsError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
