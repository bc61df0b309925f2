package io.github.imagebuildersql.controls;

/** A control file that cannot be used, with the file, the line when there is one, and what to fix. */
public final class MalformedControlException extends RuntimeException {
    public MalformedControlException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
