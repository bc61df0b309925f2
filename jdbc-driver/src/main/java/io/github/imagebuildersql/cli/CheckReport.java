package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.controls.Control;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a check found: per control, one finding per resource checked; and what it could not see. */
record CheckReport(String selection, Instant checkedAt, List<Outcome> outcomes, List<String> skippedPartitions) {

    /** A finding's verdict, in the order reports list them. */
    enum Status {
        ALARM, INFO, SKIP, OK;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String text) {
            for (Status s : values()) {
                if (s.label().equals(text)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** One row of a control's query. */
    record Finding(String resource, String accountId, String region, Status status, String reason, String dimensions) {
        static final Comparator<Finding> ORDER = Comparator.comparing(Finding::status)
                .thenComparing(Finding::accountId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Finding::region, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Finding::resource, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** A control, the parameter values it ran with, and its findings (alarms first). */
    record Outcome(Control control, Map<String, String> parameters, List<Finding> findings) {
        /** Most severe first, then by id. */
        static final Comparator<Outcome> ORDER = Comparator.comparing((Outcome o) -> o.control().severity())
                .thenComparing(o -> o.control().id());

        Map<Status, Integer> counts() {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                counts.put(s, 0);
            }
            findings.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
            return counts;
        }

        int count(Status status) {
            return counts().get(status);
        }

        List<Finding> withStatus(Status status) {
            return findings.stream().filter(f -> f.status() == status).toList();
        }
    }

    boolean partial() {
        return !skippedPartitions.isEmpty();
    }

    int count(Status status) {
        return outcomes.stream().mapToInt(o -> o.count(status)).sum();
    }

    /** Alarms per account, accounts in order. */
    Map<String, Integer> alarmsByAccount() {
        Map<String, Integer> alarms = new TreeMap<>();
        for (Outcome o : outcomes) {
            for (Finding f : o.findings()) {
                alarms.merge(String.valueOf(f.accountId()), f.status() == Status.ALARM ? 1 : 0, Integer::sum);
            }
        }
        return alarms;
    }
}
