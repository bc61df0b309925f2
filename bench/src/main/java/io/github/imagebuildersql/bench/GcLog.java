package io.github.imagebuildersql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads heap sizes from a {@code -Xlog:gc} file, whose collections read {@code 120M->35M(256M)}. */
final class GcLog {
    private static final Pattern COLLECTION = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private GcLog() {}

    /** The largest heap in use before a collection: the peak the process reached. */
    static double peakBeforeGcMb(Path gcLog) throws IOException {
        return largest(gcLog, 1);
    }

    /** The largest heap still live after a collection: what the process really holds. */
    static double largestAfterGcMb(Path gcLog) throws IOException {
        return largest(gcLog, 2);
    }

    private static double largest(Path gcLog, int group) throws IOException {
        Matcher m = COLLECTION.matcher(Files.readString(gcLog));
        double max = 0;
        while (m.find()) {
            max = Math.max(max, Double.parseDouble(m.group(group)));
        }
        return max;
    }
}
