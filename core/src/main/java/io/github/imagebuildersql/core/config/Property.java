package io.github.imagebuildersql.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every connection property, with the same name in a Calcite model's operand, a JDBC URL and the
 * command line. The descriptions are what tools show (DriverPropertyInfo) and what docs/connection-properties.md
 * lists.
 */
public enum Property {
    REGIONS("regions", null, "Comma list of regions to scan, or 'all' for every region where Image Builder is "
            + "offered. Default: the SDK's default region (AWS_REGION, the profile's region)."),
    ACCOUNTS("accounts", null, "Comma list of 12-digit account IDs, each entered with STS AssumeRole into "
            + "roleName; or 'org' for every ACTIVE account of the AWS Organization. Default: the caller's own "
            + "account with its own credentials."),
    ROLE_NAME("roleName", null, "Role assumed in each account of 'accounts' (required with accounts)."),
    EXTERNAL_ID("externalId", null, "External ID to present to AssumeRole, if the roles require one. Default: the "
            + ConnectorConfig.EXTERNAL_ID_VARIABLE + " environment variable, which keeps it out of process lists and "
            + "URLs."),
    ROLE_SESSION_NAME("roleSessionName", "imagebuilder-sql", "Session name of the assumed roles."),
    PROFILE("profile", null, "Named profile from the AWS config and credentials files (SSO profiles included). "
            + "Default: the SDK's default credentials chain."),
    ENDPOINT("endpoint", null, "One URL that overrides every service's endpoint (the emulator, LocalStack)."),
    MAX_CONCURRENCY("maxConcurrency", "32", "API requests in flight across a whole query (1-1024)."),
    ON_ERROR("onError", "fail", "What a partition (account x region) that still fails after retries does to "
            + "the query: 'fail' fails it; 'skip' returns the other partitions' rows and reports a warning."),
    IGNORE_ERROR_CODES("ignoreErrorCodes", null, "Comma list of AWS error codes (e.g. ForbiddenException,"
            + "AccessDenied) whose partitions count as empty and are reported as warnings."),
    CALL_TIMEOUT("callTimeout", "60", "Seconds one API call may take, retries included (1-3600); each attempt gets "
            + "a third of it. A partition that stops answering fails after this, like any other failure."),
    DETAIL_CONCURRENCY("detailConcurrency", "4", "Detail calls (GetWorkflow, ...) one partition (account x region) "
            + "makes at once, within maxConcurrency (1-64)."),
    RATE_LIMIT("rateLimit", null, "Requests per second sent to one account in one region (1-10000), to stay under "
            + "AWS's throttling rather than retry into it: half a second's requests at once, then this rate. Default: "
            + "no limit; throttled calls are retried with backoff."),
    DEMO("demo", "false", "true: the bundled demo estate (an organisation of four accounts, one suspended, in three "
            + "regions) on an emulator started with the connection and stopped with it; no AWS account or credentials "
            + "needed. Other properties (regions, accounts, ...) apply on top."),
    CACHE_TTL("cacheTtl", "0", "Seconds an API answer (one page of a listing, or one Get) is reused by later "
            + "queries of this JVM's connections with the same credentials and endpoint (0-86400); 0 asks AWS every "
            + "time. 300 suits dashboards."),
    REFRESH_CACHE("refreshCache", "false", "true: never answer from the cache, always ask AWS and cache the fresh "
            + "answers (export and sync set it; connect once with it to refresh a dashboard's cache)."),
    PLAN_CACHE("planCache", null, "Directory where the compiled plans of SELECT statements are kept between "
            + "processes, so that a statement run again (a cron job, a script) skips parsing, planning and code "
            + "generation: about half a second of a new JVM's start-up. Default: none; the command line uses "
            + "${XDG_CACHE_HOME:-~/.cache}/imagebuilder-sql/plans ('off' turns it off).");

    private final String key;
    private final String defaultValue;
    private final String description;

    Property(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /**
     * The property a key names, in any case and with blanks around it: keys are typed by hand (a JDBC URL, a
     * Trino catalog file) and {@code CREATE CATALOG} lower-cases unquoted names.
     */
    public static Optional<Property> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(key.trim())).findFirst();
    }

    /** The error for a key that names no property: the property most likely meant, and all of them. */
    public static ConfigException unknown(String key) {
        List<String> keys = Arrays.stream(values()).map(Property::key).toList();
        String meant = Spelling.closest(key.trim(), keys).map(k -> "did you mean " + k + "? ").orElse("");
        return new ConfigException("unknown property '" + key.trim() + "'; " + meant + "known properties: "
                + String.join(", ", keys));
    }
}
