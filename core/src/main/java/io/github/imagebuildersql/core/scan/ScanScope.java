package io.github.imagebuildersql.core.scan;

import java.util.List;

/**
 * What a whole-table scan (no WHERE constraint) lists: every row of the table in these accounts and regions is
 * among its rows, unless a partition was skipped. {@code everyAccount} means the accounts are the organisation's
 * ({@code accounts=org}): an account that is not among them has left it, or is no longer active.
 */
public record ScanScope(List<String> accounts, boolean everyAccount, List<String> regions) {

    public ScanScope {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
    }
}
