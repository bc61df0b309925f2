package io.github.imagebuildersql.core.partition;

import java.util.List;

/**
 * Where what a configuration leaves open is looked up: the accounts of {@code accounts=org} or of the caller,
 * and the SDK's default region. The AWS clients answer it; failures are {@link Scope.ScopeException}s.
 */
public interface AccountDirectory {

    /** Every ACTIVE account of the caller's organisation. */
    List<String> organizationAccounts();

    /** The caller's own account. */
    String callerAccount();

    /** The SDK's default region (AWS_REGION, the profile's region), or null when none is configured anywhere. */
    String defaultRegion();
}
