package io.github.imagebuildersql.connector.partition;

import io.github.imagebuildersql.connector.aws.AwsClients;
import io.github.imagebuildersql.connector.aws.AwsErrors;
import io.github.imagebuildersql.connector.config.AccountSelection;
import io.github.imagebuildersql.connector.config.ConfigException;
import io.github.imagebuildersql.connector.config.ConnectorConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;

/**
 * The accounts and regions a connection covers. Accounts that need a network call to know (the caller's
 * own, or the organisation's) are resolved once, at the first query, and kept for the connection.
 */
public final class Scope {
    private final ConnectorConfig config;
    private final AwsClients clients;
    private volatile List<String> accounts;
    private volatile List<String> regions;

    public Scope(ConnectorConfig config, AwsClients clients) {
        this.config = config;
        this.clients = clients;
    }

    public List<String> regions() {
        if (regions == null) {
            if (!config.regions().isEmpty()) {
                regions = config.regions();
            } else {
                String region = clients.defaultRegion();
                if (region == null) {
                    throw new ConfigException("regions: not set, and the SDK has no default region; set regions "
                            + "(e.g. regions=us-east-1,eu-west-1 or regions=all) or AWS_REGION");
                }
                regions = List.of(region);
            }
        }
        return regions;
    }

    public synchronized List<String> accounts() {
        if (accounts == null) {
            accounts = resolveAccounts();
        }
        return accounts;
    }

    public List<Partition> partitions() {
        List<Partition> all = new ArrayList<>();
        for (String account : accounts()) {
            for (String region : regions()) {
                all.add(new Partition(account, region));
            }
        }
        return all;
    }

    public boolean contains(String account, String region) {
        return accounts().contains(account) && regions().contains(region);
    }

    private List<String> resolveAccounts() {
        AccountSelection selection = config.accounts();
        if (selection instanceof AccountSelection.Listed listed) {
            return listed.accountIds();
        }
        try {
            if (selection instanceof AccountSelection.Organization) {
                return clients.organizations().listAccountsPaginator(r -> { }).stream()
                        .flatMap(page -> page.accounts().stream())
                        .filter(a -> a.status() == AccountStatus.ACTIVE)
                        .map(Account::id)
                        .toList();
            }
            return List.of(clients.sts().getCallerIdentity().account());
        } catch (SdkException e) {
            String operation = selection instanceof AccountSelection.Organization
                    ? "Organizations ListAccounts (accounts=org)" : "STS GetCallerIdentity";
            throw new ScopeException(operation + " failed: " + AwsErrors.code(e) + ": " + AwsErrors.message(e), e);
        }
    }

    /** The accounts to scan could not be determined. */
    public static final class ScopeException extends RuntimeException {
        ScopeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
