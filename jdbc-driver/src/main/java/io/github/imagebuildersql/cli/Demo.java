package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * --demo: the emulator, in this process, serving the bundled sample estate (an organisation of four
 * accounts, one suspended), and the connection pointed at it as an organisation-wide scan.
 */
final class Demo implements AutoCloseable {
    static final String ROLE = "ImageBuilderInventoryRole";
    static final String REGIONS = "us-east-1,eu-west-1,ap-southeast-2";

    private final Emulator emulator;

    private Demo(Emulator emulator) {
        this.emulator = emulator;
    }

    static Demo start() throws IOException {
        Fixture estate = Fixture.sampleEstate();
        // The demo process talks only to its own emulator: its credentials go where the SDK's default
        // chain looks first, ahead of any real ones in the environment.
        System.setProperty("aws.accessKeyId", estate.credentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", estate.credentials().secretAccessKey());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.disableEc2Metadata", "true");
        return new Demo(Emulator.start(estate));
    }

    /** The connection properties of the demo; the user's own options are applied on top. */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("endpoint", emulator.endpoint().toString());
        p.put("accounts", "org");
        p.put("roleName", ROLE);
        p.put("regions", REGIONS);
        return p;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
