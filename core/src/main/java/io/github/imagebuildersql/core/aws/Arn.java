package io.github.imagebuildersql.core.aws;

import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}. The one place ARNs are
 * parsed: pushdown uses it to route a key lookup to its account and region.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
