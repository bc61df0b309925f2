package io.github.imagebuildersql.core.partition;

/** The unit a scan lists: one account in one region, paged in series, concurrently with the others. */
public record Partition(String account, String region) {
    @Override
    public String toString() {
        return account + "/" + region;
    }
}
