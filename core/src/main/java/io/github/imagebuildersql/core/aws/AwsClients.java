package io.github.imagebuildersql.core.aws;

import io.github.imagebuildersql.core.config.AccountSelection;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.partition.AccountDirectory;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.partition.Scope.ScopeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The one place SDK clients are built. A connection has one HTTP connection pool (maxConcurrency
 * connections), one scheduler for the SDK's call timeouts, one STS and one Organizations client, and one
 * Image Builder client per region, all reused across its queries and closed with it: what it holds grows
 * with regions and concurrency, never with accounts × regions. An account's calls carry that account's
 * credentials per request; assumed-role credentials are cached per account and refreshed before they
 * expire by the SDK's AssumeRole provider, one AssumeRole at a time.
 */
public final class AwsClients implements AccountDirectory, AutoCloseable {
    /**
     * Throttling is expected at scale: under 30% throttling plus 5% errors, ten attempts still fail about
     * one call in 36,000, fifteen about one in ten million.
     */
    static final int MAX_ATTEMPTS = 15;
    /** Timeout bookkeeping is cheap: two threads serve any number of calls in flight. */
    static final int TIMEOUT_THREADS = 2;
    /**
     * The SDK's default throttling backoff (1 s base, 20 s cap) can spend more than callTimeout on one
     * unlucky call; with these caps fifteen attempts wait at most about 48 s, inside the default 60 s.
     */
    static final BackoffStrategy BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(4));
    static final BackoffStrategy THROTTLING_BACKOFF =
            BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(4));
    private static final AtomicBoolean SDK_ASKED = new AtomicBoolean();

    private final ConnectorConfig config;
    private final FutureTask<SdkHttpClient> http = new FutureTask<>(this::buildHttpClient);
    private final LazyTls tls = new LazyTls();
    /** Builds the clients the first query will need while the caller parses and plans it (see prepare). */
    private final Thread preparing;
    private final AwsCredentialsProvider baseCredentials;
    private final RetryStrategy retries;
    /**
     * Every client's call timeouts are scheduled here. Without it each client starts its own scheduler
     * threads: thousands of them in a scan of an organisation.
     */
    private final ScheduledExecutorService timeouts;
    private final Map<String, ImagebuilderClient> imagebuilders = new ConcurrentHashMap<>();
    private final Map<String, RenewableRoleCredentials> assumed = new ConcurrentHashMap<>();
    private volatile StsClient sts;
    private volatile OrganizationsClient organizations;
    private volatile String defaultRegion;

    public AwsClients(ConnectorConfig config) {
        this.config = config;
        AtomicInteger timeoutThreads = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(TIMEOUT_THREADS, r -> {
            Thread t = new Thread(r, "imagebuilder-sdk-timeouts-" + timeoutThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // most timeouts are cancelled when their call returns: drop them at once rather than at their deadline
        scheduler.setRemoveOnCancelPolicy(true);
        this.timeouts = scheduler;
        this.baseCredentials = config.credentials() != null ? StaticCredentialsProvider.create(config.credentials())
                : config.profile() != null
                ? ProfileCredentialsProvider.builder().profileName(config.profile()).build()
                : DefaultCredentialsProvider.builder().build();
        this.retries = new Retries(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BACKOFF)
                .throttlingBackoffStrategy(THROTTLING_BACKOFF)
                .circuitBreakerEnabled(false)
                .build());
        this.preparing = Ahead.start("imagebuilder-clients-init", this::prepare);
    }

    /**
     * Starts, on a thread of its own, what the first calls of a JVM would otherwise do on the way, each
     * tens of milliseconds of CPU on a cold JVM: the SDK's table of every service's endpoints (some 300
     * classes, built by the first client) and the JCA provider behind the signer's HMAC. A connection asks
     * for it before it knows its clients' configuration (the demo's endpoint), and meanwhile opens
     * Calcite's connection.
     */
    public static void loadSdkAhead() {
        if (!SDK_ASKED.compareAndSet(false, true)) {
            return; // once per JVM
        }
        Ahead.start("imagebuilder-sdk-ahead", () -> {
            ServiceMetadata.of("organizations");
            try {
                Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
                // then the signer fails on the first call and says so there
            }
        });
    }

    private SdkHttpClient buildHttpClient() {
        return ApacheHttpClient.builder()
                .socketFactory(tls)
                .maxConnections(config.maxConcurrency() + 8)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * Builds the HTTP client (its connection pool), the clients the first query will call and then, when
     * the endpoints are AWS's own (https), TLS, on a thread of its own: on a cold JVM building these takes
     * as long as the first query's work before its first call, so the two overlap. Only what this
     * configuration certainly needs is built; whatever fails here fails again, and is reported, where the
     * query calls it.
     */
    private void prepare() {
        http.run();
        try {
            // Not where finding the default region could mean probing EC2 metadata: close() waits for this.
            boolean regionAtHand = config.demo() || System.getenv("AWS_REGION") != null
                    || System.getProperty("aws.region") != null;
            // the organisation's accounts are what a first query asks for first
            if (config.accounts() instanceof AccountSelection.Organization) {
                organizations();
            }
            if (!(config.accounts() instanceof AccountSelection.Caller) && regionAtHand) {
                sts();
            }
            if (!config.regions().isEmpty()) {
                regional(config.regions().get(0));
            }
            if (config.endpoint() == null || "https".equalsIgnoreCase(config.endpoint().getScheme())) {
                tls.tls();
            }
        } catch (RuntimeException e) {
            // the query's own call builds it again and reports what went wrong
        }
    }

    private SdkHttpClient http() {
        try {
            return TaskResult.get(http);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while the HTTP client was being built", e);
        }
    }

    /**
     * The Image Builder API of one account and region: the region's client, every request signed with the
     * account's credentials. Cheap: a view, nothing to close.
     */
    public ImagebuilderClient imagebuilder(Partition partition) {
        ImagebuilderClient regional = regional(partition.region());
        if (config.accounts() instanceof AccountSelection.Caller) {
            return regional;
        }
        return new AccountClient(regional, credentialsFor(partition.account()));
    }

    private ImagebuilderClient regional(String region) {
        return imagebuilders.computeIfAbsent(region, r -> configure(ImagebuilderClient.builder()).region(Region.of(r))
                .credentialsProvider(baseCredentials).build());
    }

    public StsClient sts() {
        StsClient c = sts;
        if (c == null) {
            synchronized (this) {
                if (sts == null) {
                    // The demo's emulator answers in any region: no region lookup (which may probe EC2 metadata).
                    String region = config.demo() ? "us-east-1" : defaultRegionOr("us-east-1");
                    sts = configure(StsClient.builder()).region(Region.of(region))
                            .credentialsProvider(baseCredentials).build();
                }
                c = sts;
            }
        }
        return c;
    }

    public OrganizationsClient organizations() {
        OrganizationsClient c = organizations;
        if (c == null) {
            synchronized (this) {
                if (organizations == null) {
                    organizations = configure(OrganizationsClient.builder()).region(Region.AWS_GLOBAL)
                            .credentialsProvider(baseCredentials).build();
                }
                c = organizations;
            }
        }
        return c;
    }

    @Override
    public List<String> organizationAccounts() {
        try {
            return organizations().listAccountsPaginator(r -> { }).stream()
                    .flatMap(page -> page.accounts().stream())
                    .filter(a -> a.status() == AccountStatus.ACTIVE)
                    .map(Account::id)
                    .toList();
        } catch (SdkException e) {
            throw new ScopeException("Organizations ListAccounts (accounts=org) failed: " + AwsErrors.code(e) + ": "
                    + AwsErrors.message(e), AwsErrors.withoutSecrets(e));
        }
    }

    @Override
    public String callerAccount() {
        String account;
        try {
            account = sts().getCallerIdentity().account();
        } catch (SdkException e) {
            throw new ScopeException("STS GetCallerIdentity failed: " + AwsErrors.code(e) + ": " + AwsErrors.message(e),
                    AwsErrors.withoutSecrets(e));
        }
        if (account == null || !account.matches("\\d{12}")) {
            // An XML answer without the element reads as an identity without it: an endpoint that is not STS.
            throw new ScopeException("STS GetCallerIdentity answered without " + (account == null ? "an account ID"
                    : "a 12-digit account ID") + ", so the account to scan is unknown; check that "
                    + (config.endpoint() != null ? "endpoint " + config.endpoint() : "what answers for AWS STS here")
                    + " is AWS STS", null);
        }
        return account;
    }

    /**
     * Who the base credentials make the caller, now: a digest of the access key, secret key and session token
     * the credentials chain or profile currently gives (never the secret itself), so that answers cached for
     * one set of credentials are not served to another, nor to the same key ID with a changed secret.
     */
    public String callerFingerprint() {
        AwsCredentials c = baseCredentials.resolveCredentials();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {c.accessKeyId(), c.secretAccessKey(),
                    c instanceof AwsSessionCredentials s ? s.sessionToken() : ""}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The region the SDK would use by default (AWS_REGION, the profile's region, ...), or null when none is
     * configured anywhere.
     */
    @Override
    public String defaultRegion() {
        if (defaultRegion == null) {
            try {
                defaultRegion = DefaultAwsRegionProviderChain.builder().profileName(config.profile()).build()
                        .getRegion().id();
            } catch (SdkClientException e) {
                return null;
            }
        }
        return defaultRegion;
    }

    private String defaultRegionOr(String fallback) {
        String r = defaultRegion();
        return r != null ? r : fallback;
    }

    private AwsCredentialsProvider credentialsFor(String account) {
        if (config.accounts() instanceof AccountSelection.Caller) {
            return baseCredentials;
        }
        return assumed.computeIfAbsent(account, a -> new RenewableRoleCredentials(() -> StsAssumeRoleCredentialsProvider
                .builder()
                .stsClient(sts())
                .refreshRequest(r -> r.roleArn("arn:aws:iam::" + a + ":role/" + config.roleName())
                        .roleSessionName(config.roleSessionName())
                        .externalId(config.externalId()))
                .build()));
    }

    /**
     * Forgets an account's role credentials so the next call assumes the role afresh: for when AWS says
     * they expired before the SDK's own clock did (a skewed clock, a revoked session).
     */
    public void renewCredentials(String account) {
        RenewableRoleCredentials c = assumed.get(account);
        if (c != null) {
            c.renew();
        }
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder) {
        builder.httpClient(http());
        builder.overrideConfiguration(o -> {
            o.scheduledExecutorService(timeouts);
            o.retryStrategy(retries);
            o.apiCallTimeout(config.callTimeout());
            o.apiCallAttemptTimeout(config.callTimeout().dividedBy(3));
        });
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder;
    }

    @Override
    public void close() {
        boolean interrupted = false;
        while (preparing.isAlive()) {
            try {
                preparing.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing first: a half-built client would be left open
            }
        }
        imagebuilders.values().forEach(AwsClients::closeQuietly);
        assumed.values().forEach(AwsClients::closeQuietly);
        closeQuietly(sts);
        closeQuietly(organizations);
        if (baseCredentials instanceof AutoCloseable c) {
            closeQuietly(c);
        }
        if (http.isDone() && !http.isCancelled()) {
            try {
                http.get().close();
            } catch (ExecutionException | InterruptedException e) {
                // never built: nothing to close
            }
        }
        timeouts.shutdownNow();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing is best effort; a client that cannot close holds nothing we can free
        }
    }
}
