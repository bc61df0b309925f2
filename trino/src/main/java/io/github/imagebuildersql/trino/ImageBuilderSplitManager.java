package io.github.imagebuildersql.trino;

import static io.trino.spi.StandardErrorCode.CONFIGURATION_INVALID;
import static io.github.imagebuildersql.trino.ImageBuilderErrorCode.IMAGEBUILDER_SCOPE_FAILED;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.scan.ScanPlan;
import io.github.imagebuildersql.core.scan.ScanPlanner;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedSplitSource;
import java.util.List;
import java.util.function.Function;

/**
 * On the coordinator: the core plans the scan (one split per account and region left after pruning, or one per
 * ARN to fetch) and each becomes a Trino split, which any worker may run. A split carries no credentials: each
 * worker assumes the roles itself.
 */
final class ImageBuilderSplitManager implements ConnectorSplitManager {
    private final Function<ConnectorTransactionHandle, Scope> scopes;

    ImageBuilderSplitManager(Function<ConnectorTransactionHandle, Scope> scopes) {
        this.scopes = scopes;
    }

    @Override
    public ConnectorSplitSource getSplits(ConnectorTransactionHandle transaction, ConnectorSession session,
            ConnectorTableHandle table, DynamicFilter dynamicFilter, Constraint constraint) {
        ImageBuilderTableHandle handle = (ImageBuilderTableHandle) table;
        ScanPlan plan;
        try {
            plan = ScanPlanner.plan(handle.definition(), handle.request(List.of()), scopes.apply(transaction));
        } catch (ConfigException e) {
            throw new TrinoException(CONFIGURATION_INVALID, e.getMessage(), e);
        } catch (Scope.ScopeException e) {
            throw new TrinoException(IMAGEBUILDER_SCOPE_FAILED, e.getMessage(), e);
        }
        return new FixedSplitSource(plan.splits().stream().map(ImageBuilderSplit::new).toList());
    }
}
