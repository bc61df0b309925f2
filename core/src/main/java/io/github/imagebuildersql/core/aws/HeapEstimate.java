package io.github.imagebuildersql.core.aws;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The heap an SDK answer holds, estimated from what it contains as a 64-bit JVM with compressed references lays
 * it out: an object's header and fields, a string's bytes (one a character, two beyond Latin-1), a list's array,
 * a map's entries, and a response's HTTP headers. Strings the answer shares are counted each time: the estimate
 * errs high.
 */
final class HeapEstimate {
    private static final long OBJECT = 16;
    private static final long REFERENCE = 4;
    /** A String and its byte array, before the characters. */
    private static final long STRING = 40;
    /** A HashMap node, and its slot in the table. */
    private static final long MAP_ENTRY = 36;

    private HeapEstimate() {}

    static long of(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            return STRING + (latin1(s) ? s.length() : 2L * s.length());
        }
        if (value instanceof SdkPojo pojo) {
            List<SdkField<?>> fields = pojo.sdkFields();
            long n = OBJECT + REFERENCE * fields.size();
            for (SdkField<?> f : fields) {
                n += of(f.getValueOrDefault(pojo));
            }
            if (pojo instanceof SdkResponse r && r.sdkHttpResponse() != null) {
                n += OBJECT + of(r.sdkHttpResponse().headers()) + of(r.sdkHttpResponse().statusText().orElse(null));
            }
            return n;
        }
        if (value instanceof Collection<?> list) {
            long n = 2 * OBJECT + REFERENCE * list.size();
            for (Object e : list) {
                n += of(e);
            }
            return n;
        }
        if (value instanceof Map<?, ?> map) {
            long n = 3 * OBJECT + MAP_ENTRY * map.size();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                n += of(e.getKey()) + of(e.getValue());
            }
            return n;
        }
        if (value instanceof SdkBytes bytes) {
            return 3 * OBJECT + bytes.asByteArrayUnsafe().length;
        }
        if (value instanceof Instant) {
            return OBJECT + 8;
        }
        return OBJECT + 8; // a boxed number or boolean, an enum constant's share
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
