package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** Checks, through the SDK's own model, that a listing's summary says what the full object says. */
final class SummaryAssertions {
    private SummaryAssertions() {}

    /**
     * Every member the summary shares with the full object (by wire name) has the full object's value, and
     * the summary leaves out none the full object has.
     */
    static void assertSummaryAgrees(SdkPojo summary, SdkPojo full) {
        Map<String, SdkField<?>> fullFields = full.sdkFields().stream()
                .collect(Collectors.toMap(SdkField::locationName, Function.identity()));
        int shared = 0;
        for (SdkField<?> f : summary.sdkFields()) {
            SdkField<?> g = fullFields.get(f.locationName());
            if (g != null) {
                shared++;
                assertEquals(g.getValueOrDefault(full), f.getValueOrDefault(summary),
                        f.locationName() + " of " + summary.getClass().getSimpleName());
            }
        }
        assertTrue(shared > 3, "the summary shares members with the full object");
    }
}
