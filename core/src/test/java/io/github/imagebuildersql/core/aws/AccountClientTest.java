package io.github.imagebuildersql.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ImagePipeline;
import software.amazon.awssdk.services.imagebuilder.model.ImagebuilderRequest;

/**
 * The Image Builder API of one account: one regional client, every request signed with the account's
 * assumed-role credentials, Image Builder's read operations only.
 */
class AccountClientTest {
    static final String ROLE = "ImageBuilderInventoryRole";

    Emulator emulator;
    AwsClients clients;

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.start(Fixture.sampleEstate());
        clients = new AwsClients(ConnectorConfig.parse(Map.of("endpoint", emulator.endpoint().toString(),
                "regions", "us-east-1", "accounts", "222222222222,333333333333", "roleName", ROLE)));
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void eachAccountsCallsCarryThatAccountsRoleCredentials() {
        for (String account : List.of("222222222222", "333333333333")) {
            List<ImagePipeline> pipelines = clients.imagebuilder(new Partition(account, "us-east-1"))
                    .listImagePipelines(r -> { }).imagePipelineList();
            assertFalse(pipelines.isEmpty(), account + " has pipelines in us-east-1");
            pipelines.forEach(p -> assertTrue(p.arn().contains(":" + account + ":"), p.arn()));
        }
        assertEquals(2, emulator.stats().total("AssumeRole"), "one role session per account");
        assertEquals(2, emulator.stats().total("ListImagePipelines"));
    }

    @Test
    void aWriteOperationIsRefusedWithoutACall() {
        ImagebuilderClient view = clients.imagebuilder(new Partition("222222222222", "us-east-1"));
        assertThrows(UnsupportedOperationException.class, () -> view.deleteImagePipeline(
                r -> r.imagePipelineArn("arn:aws:imagebuilder:us-east-1:222222222222:image-pipeline/x")));
        assertEquals(0, emulator.stats().totalRequests());
    }

    @Test
    void everyReadOperationOfTheSdkIsForwardedAndNothingElse() {
        Set<String> reads = new TreeSet<>();
        Set<String> forwarded = new TreeSet<>();
        for (Method m : ImagebuilderClient.class.getMethods()) {
            boolean read = m.getName().startsWith("get") || m.getName().startsWith("list");
            if (takesOneRequest(m) && read && !m.getName().endsWith("Paginator")) { // paginators call these
                reads.add(m.getName());
            }
        }
        for (Method m : ReadOperations.class.getDeclaredMethods()) {
            if (takesOneRequest(m) && !Modifier.isPrivate(m.getModifiers())) {
                forwarded.add(m.getName());
            }
        }
        assertEquals(39, reads.size(), "Image Builder 2019-12-02 has 17 Get and 22 List operations");
        assertEquals(reads, forwarded);
    }

    private static boolean takesOneRequest(Method m) {
        return m.getParameterCount() == 1 && ImagebuilderRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                && m.getParameterTypes()[0] != ImagebuilderRequest.class;
    }
}
