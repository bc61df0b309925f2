package io.github.imagebuildersql.core.config;

import java.util.List;

/** Which accounts a connection scans. */
public sealed interface AccountSelection {

    /** The caller's own account, with the caller's own credentials. */
    record Caller() implements AccountSelection {}

    /** These accounts, each entered with AssumeRole. */
    record Listed(List<String> accountIds) implements AccountSelection {}

    /** Every ACTIVE account AWS Organizations lists to the caller, each entered with AssumeRole. */
    record Organization() implements AccountSelection {}
}
