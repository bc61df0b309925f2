package io.github.imagebuildersql.controls;

import java.util.Locale;

/** How much a control's alarm matters, most first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** As a control file and a report spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
