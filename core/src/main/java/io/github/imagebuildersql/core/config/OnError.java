package io.github.imagebuildersql.core.config;

/** What a partition that still fails after retries does to the query. */
public enum OnError {
    /** The query fails, naming the account, region, operation and AWS error. */
    FAIL,
    /** The other partitions' rows are returned and the failure is reported as a warning. */
    SKIP
}
