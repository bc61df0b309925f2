package io.github.imagebuildersql.core.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The name a user most likely meant when they typed one that does not exist: an option, a property. */
public final class Spelling {
    /** More edits than this and the typed name is more likely another word than a slip. */
    private static final int MAX_EDITS = 3;

    private Spelling() {}

    /** The known name fewest edits away from the typed one (case aside), when it is at most three edits away. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String closest = null;
        int best = MAX_EDITS + 1;
        for (String k : known) {
            int d = distance(typed.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                closest = k;
            }
        }
        return Optional.ofNullable(closest);
    }

    /** Edit distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
