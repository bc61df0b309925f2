package io.github.imagebuildersql.core.partition;

import io.github.imagebuildersql.core.config.AccountSelection;
import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts and regions a connection covers. Accounts that need a network call to know (the caller's
 * own, or the organisation's) are resolved once, at the first query, and kept for the connection.
 */
public final class Scope {
    private final ConnectorConfig config;
    private final AccountDirectory directory;
    private volatile List<String> accounts;
    private volatile List<String> regions;

    public Scope(ConnectorConfig config, AccountDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    public List<String> regions() {
        if (regions == null) {
            if (!config.regions().isEmpty()) {
                regions = config.regions();
            } else {
                String region = directory.defaultRegion();
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
        if (selection instanceof AccountSelection.Organization) {
            List<String> active = directory.organizationAccounts();
            if (active.isEmpty()) {
                // An organisation has at least its management account: an empty answer is a failure, and
                // taken as an empty estate it would have a sync delete the whole inventory.
                throw new ScopeException("Organizations ListAccounts (accounts=org) answered with no ACTIVE account; "
                        + "nothing was scanned. Run as the organisation's management account or a delegated "
                        + "administrator, or list the accounts (accounts=111111111111,...)", null);
            }
            return active;
        }
        return List.of(directory.callerAccount());
    }

    /** The accounts to scan could not be determined. */
    public static final class ScopeException extends RuntimeException {
        public ScopeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
