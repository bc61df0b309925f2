package io.github.imagebuildersql.core.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * A connection's validated configuration. Every bad value fails here, when the connection is made,
 * with one line naming the property, the value and what is allowed.
 *
 * @param regions the regions to scan; empty means the SDK's default region
 * @param callTimeout the longest one API call may take, retries included
 * @param detailConcurrency detail calls one partition makes at once
 * @param rateLimit requests per second to one account and region; 0 for no limit
 * @param cacheTtl how long an API answer may be reused; zero for never
 * @param planCache where compiled plans are kept between processes, or null for nowhere
 * @param credentials fixed base credentials (the demo estate's), or null for the profile or default chain
 */
public record ConnectorConfig(List<String> regions, AccountSelection accounts, String roleName, String externalId,
        String roleSessionName, String profile, URI endpoint, int maxConcurrency, OnError onError,
        Set<String> ignoreErrorCodes, Duration callTimeout, int detailConcurrency, int rateLimit, boolean demo,
        Duration cacheTtl, boolean refreshCache, Path planCache, AwsCredentials credentials) {

    /**
     * Where the external ID is taken from when no property gives one, as PostgreSQL takes a password from
     * PGPASSWORD: out of the process list (where a command line's --externalId is), URLs and tools' settings.
     */
    public static final String EXTERNAL_ID_VARIABLE = "IMAGEBUILDER_SQL_EXTERNAL_ID";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@/-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,127}");
    private static final int MAX_VALUE_LENGTH = 4096;

    @Override
    public String toString() {
        // externalId is a shared secret between the role's owner and us: never printed
        return "ConnectorConfig[regions=" + regions + ", accounts=" + accounts + ", roleName=" + roleName
                + ", externalId=" + (externalId == null ? null : "(set)") + ", profile=" + profile
                + ", endpoint=" + endpoint + ", maxConcurrency=" + maxConcurrency + ", onError=" + onError
                + ", ignoreErrorCodes=" + ignoreErrorCodes + ", callTimeout=" + callTimeout
                + ", detailConcurrency=" + detailConcurrency + ", rateLimit=" + rateLimit + ", demo=" + demo
                + ", cacheTtl=" + cacheTtl + ", refreshCache=" + refreshCache + ", planCache=" + planCache + "]";
    }

    /**
     * Parses properties by name, in any case (see {@link Property#byKey}); keys outside {@link Property} are
     * refused, and so is a property given twice in different spellings.
     */
    public static ConnectorConfig parse(Map<String, String> properties) {
        Map<Property, String> values = new LinkedHashMap<>();
        Set<Property> given = new HashSet<>();
        properties.forEach((key, value) -> {
            Property p = Property.byKey(key).orElseThrow(() -> Property.unknown(key));
            if (!given.add(p)) {
                throw new ConfigException(p.key() + " is given twice (once as '" + key + "'); give each property once");
            }
            if (value == null) {
                return;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new ConfigException(key + ": value is " + value.length() + " characters long; at most "
                        + MAX_VALUE_LENGTH + " are allowed");
            }
            if (!value.isBlank()) {
                values.put(p, value.trim());
            }
        });
        return new ConnectorConfig(
                regions(values.get(Property.REGIONS)),
                accounts(values.get(Property.ACCOUNTS)),
                optional(values, Property.ROLE_NAME, ROLE_NAME, "a role name such as ImageBuilderReadOnly")
                        .orElseDefault(),
                externalId(values.get(Property.EXTERNAL_ID), System.getenv(EXTERNAL_ID_VARIABLE)),
                optional(values, Property.ROLE_SESSION_NAME, SESSION_NAME,
                        "2-64 letters, digits or +=,.@-").orElseDefault(),
                values.get(Property.PROFILE),
                endpoint(values.get(Property.ENDPOINT)),
                wholeNumber(Property.MAX_CONCURRENCY, values.get(Property.MAX_CONCURRENCY), 1024),
                onError(values.get(Property.ON_ERROR)),
                errorCodes(values.get(Property.IGNORE_ERROR_CODES)),
                Duration.ofSeconds(wholeNumber(Property.CALL_TIMEOUT, values.get(Property.CALL_TIMEOUT), 3600)),
                wholeNumber(Property.DETAIL_CONCURRENCY, values.get(Property.DETAIL_CONCURRENCY), 64),
                values.get(Property.RATE_LIMIT) == null ? 0
                        : wholeNumber(Property.RATE_LIMIT, values.get(Property.RATE_LIMIT), 10_000),
                bool(Property.DEMO, values.get(Property.DEMO)),
                Duration.ofSeconds(wholeNumber(Property.CACHE_TTL, values.get(Property.CACHE_TTL), 0, 86400)),
                bool(Property.REFRESH_CACHE, values.get(Property.REFRESH_CACHE)),
                directory(Property.PLAN_CACHE, values.get(Property.PLAN_CACHE)),
                null)
                .checkDemo()
                .checkRoleName();
    }

    /**
     * The demo estate's connection: its emulator's endpoint and base credentials, an organisation-wide scan
     * into its role across its regions, unless the user's own properties chose otherwise.
     */
    public ConnectorConfig onDemoEstate(DemoEstate estate) {
        AccountSelection scanned = accounts instanceof AccountSelection.Caller ? new AccountSelection.Organization()
                : accounts;
        return new ConnectorConfig(regions.isEmpty() ? estate.regions() : regions, scanned,
                roleName != null ? roleName : estate.role(), externalId, roleSessionName, profile, estate.endpoint(),
                maxConcurrency, onError, ignoreErrorCodes, callTimeout, detailConcurrency, rateLimit, demo, cacheTtl,
                refreshCache, planCache, AwsBasicCredentials.create(estate.accessKeyId(), estate.secretAccessKey()));
    }

    /** A directory, or null for none ('off'). It need not exist yet: whoever writes there creates it. */
    private static Path directory(Property p, String value) {
        if (value == null || value.equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(p.key() + ": '" + value + "' is not a valid path; give a directory, or 'off'");
        }
    }

    private ConnectorConfig checkDemo() {
        if (demo && (endpoint != null || profile != null)) {
            throw new ConfigException("demo: the demo estate runs on its own emulator with its own credentials; "
                    + "drop " + (endpoint != null ? "endpoint" : "profile") + " or demo=true");
        }
        return this;
    }

    private ConnectorConfig checkRoleName() {
        if (!(accounts instanceof AccountSelection.Caller) && roleName == null && !demo) {
            throw new ConfigException("accounts: '" + (accounts instanceof AccountSelection.Organization ? "org"
                    : String.join(",", ((AccountSelection.Listed) accounts).accountIds()))
                    + "' needs roleName, the role to assume in each account (e.g. roleName=ImageBuilderReadOnly)");
        }
        return this;
    }

    /**
     * Every region where Image Builder is offered. The SDK ships no endpoint metadata for Image Builder
     * (its endpoints come from rules), and the service is offered in every commercial region: so, every
     * region of the {@code aws} partition in the SDK's region metadata.
     */
    public static List<String> imageBuilderRegions() {
        return Region.regions().stream()
                .filter(r -> !r.isGlobalRegion() && r.metadata() != null && "aws".equals(r.metadata().partition().id()))
                .map(Region::id).sorted().toList();
    }

    private static List<String> regions(String value) {
        if (value == null) {
            return List.of();
        }
        if (value.equalsIgnoreCase("all")) {
            return imageBuilderRegions();
        }
        Set<String> known = new LinkedHashSet<>(Region.regions().stream().map(Region::id).toList());
        Set<String> regions = new LinkedHashSet<>();
        for (String r : split(value, Property.REGIONS)) {
            String region = r.toLowerCase(Locale.ROOT);
            if (!known.contains(region) || region.startsWith("aws-")) {
                throw new ConfigException("regions: '" + r + "' is not an AWS region; use names like us-east-1, "
                        + "eu-west-1, or 'all'");
            }
            regions.add(region);
        }
        return List.copyOf(regions);
    }

    private static AccountSelection accounts(String value) {
        if (value == null) {
            return new AccountSelection.Caller();
        }
        if (value.equalsIgnoreCase("org")) {
            return new AccountSelection.Organization();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : split(value, Property.ACCOUNTS)) {
            if (!ACCOUNT_ID.matcher(id).matches()) {
                throw new ConfigException("accounts: '" + id + "' is not a 12-digit AWS account ID; give a comma "
                        + "list such as 111111111111,222222222222, or 'org'");
            }
            ids.add(id);
        }
        return new AccountSelection.Listed(List.copyOf(ids));
    }

    private record Checked(String value, String defaultValue) {
        String orElseDefault() {
            return value != null ? value : defaultValue;
        }
    }

    private static Checked optional(Map<Property, String> values, Property p, Pattern pattern, String allowed) {
        String v = values.get(p);
        if (v != null && !pattern.matcher(v).matches()) {
            throw new ConfigException(p.key() + ": '" + v + "' is not valid; expected " + allowed);
        }
        return new Checked(v, p.defaultValue());
    }

    /** The externalId property, or else the environment's; the value is never shown, even when it is wrong. */
    private static String externalId(String property, String environment) {
        String v = property != null ? property : environment == null || environment.isBlank() ? null : environment.trim();
        if (v != null && !EXTERNAL_ID.matcher(v).matches()) {
            throw new ConfigException("externalId" + (property != null ? "" : " (from " + EXTERNAL_ID_VARIABLE + ")")
                    + ": the value is not valid (not shown); expected 2-1224 letters, digits or +=,.@:/-");
        }
        return v;
    }

    private static URI endpoint(String value) {
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("endpoint: '" + value + "' is not a URL; expected e.g. http://127.0.0.1:4566");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException("endpoint: '" + value + "' is not an http(s) URL with a host; expected e.g. "
                    + "http://127.0.0.1:4566");
        }
        return uri;
    }

    private static int wholeNumber(Property p, String value, int max) {
        return wholeNumber(p, value, 1, max);
    }

    private static int wholeNumber(Property p, String value, int min, int max) {
        if (value == null) {
            return Integer.parseInt(p.defaultValue());
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(p.key() + ": '" + value + "' is not a whole number from " + min + " to " + max);
    }

    private static boolean bool(Property p, String value) {
        if (value == null) {
            return Boolean.parseBoolean(p.defaultValue());
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(p.key() + ": '" + value + "' is not allowed; use true or false");
        };
    }

    private static OnError onError(String value) {
        if (value == null) {
            return OnError.FAIL;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "fail" -> OnError.FAIL;
            case "skip" -> OnError.SKIP;
            default -> throw new ConfigException("onError: '" + value + "' is not allowed; use fail or skip");
        };
    }

    private static Set<String> errorCodes(String value) {
        if (value == null) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : split(value, Property.IGNORE_ERROR_CODES)) {
            if (!ERROR_CODE.matcher(code).matches()) {
                throw new ConfigException("ignoreErrorCodes: '" + code + "' is not an AWS error code; expected "
                        + "names such as ForbiddenException,AccessDenied");
            }
            codes.add(code);
        }
        return Set.copyOf(codes);
    }

    private static List<String> split(String value, Property p) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                throw new ConfigException(p.key() + ": '" + value + "' has an empty entry; give a comma list "
                        + "without empty items");
            }
            parts.add(t);
        }
        return parts;
    }
}
