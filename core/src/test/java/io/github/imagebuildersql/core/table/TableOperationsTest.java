package io.github.imagebuildersql.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.scan.Inventory;
import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanListener;
import io.github.imagebuildersql.core.scan.ScanRequest;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/**
 * The operations a table declares are the ones it calls: every table is scanned every way it can be (every
 * column, a key lookup, each pushed-down filter) against the sample estate, and the Image Builder operations the
 * emulator saw are exactly the declared ones. The IAM policy and the tests' read-only audit are made from the
 * declarations, so this is what keeps them true.
 */
class TableOperationsTest {
    static final Set<String> NOT_IMAGE_BUILDER = Set.of("AssumeRole", "GetCallerIdentity", "ListAccounts");
    static Emulator emulator;
    static Inventory inventory;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(Fixture.sampleEstate());
        inventory = new Inventory(ConnectorConfig.parse(Map.of("endpoint", emulator.endpoint().toString(),
                "accounts", "111111111111,222222222222,333333333333", "roleName", "ImageBuilderInventoryRole",
                "regions", "us-east-1,eu-west-1,ap-southeast-2")));
    }

    @AfterAll
    static void stop() {
        inventory.close();
        emulator.close();
    }

    @Test
    void everyTableCallsExactlyTheOperationsItDeclares() {
        for (TableDefinition<?> table : Tables.all()) {
            emulator.stats().reset();
            exercise(table);
            Set<String> seen = new TreeSet<>();
            emulator.stats().toJson().get("total").fieldNames().forEachRemaining(seen::add);
            seen.removeAll(NOT_IMAGE_BUILDER);
            assertEquals(new TreeSet<>(table.operations()), seen, table.name());
        }
    }

    @Test
    void everyDeclaredOperationIsARead() {
        Set<String> methods = new LinkedHashSet<>();
        Arrays.stream(ImagebuilderClient.class.getMethods()).forEach(m -> methods.add(m.getName()));
        for (String operation : Tables.operations()) {
            assertTrue(operation.startsWith("Get") || operation.startsWith("List"), operation);
            assertTrue(methods.contains(Character.toLowerCase(operation.charAt(0)) + operation.substring(1)),
                    operation + " is an operation of the service");
        }
    }

    /** Every column; then by key; then each filter column pinned to a value the first scan found. */
    private static <T> void exercise(TableDefinition<T> table) {
        List<String> names = table.columns().stream().map(Column::name).toList();
        List<Object[]> rows = scan(table, ScanRequest.of(names));
        assertTrue(!rows.isEmpty(), table.name() + " has rows in the sample estate");
        List<String> pinned = new ArrayList<>(table.filters().keySet());
        if (!table.keyColumns().isEmpty()) {
            pinned.add(table.keyColumns().get(0));
        }
        for (String column : pinned) {
            int i = names.indexOf(column);
            String value = rows.stream().map(r -> r[i]).filter(Objects::nonNull).map(String::valueOf).findFirst()
                    .orElseThrow(() -> new AssertionError(table.name() + "." + column + " is never set"));
            assertTrue(!scan(table, ScanRequest.of(names).where(Map.of(column, Set.of(value)))).isEmpty(),
                    table.name() + " where " + column + " = " + value);
        }
    }

    private static <T> List<Object[]> scan(TableDefinition<T> table, ScanRequest request) {
        List<Object[]> rows = new ArrayList<>();
        try (ScanExecution<T> scan = inventory.execute(table, inventory.plan(table, request), request, ScanListener.NONE,
                null, 0)) {
            scan.forEachRemaining(rows::add);
        }
        return rows;
    }
}
