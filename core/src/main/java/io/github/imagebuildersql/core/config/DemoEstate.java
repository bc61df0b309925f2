package io.github.imagebuildersql.core.config;

import java.net.URI;
import java.util.List;

/**
 * The demo estate ({@code demo=true}): an emulated organisation that a connection scans instead of AWS, with
 * credentials of its own, never the user's. Each connection holds one and closes it; what is behind it (an
 * emulator in this JVM, shared by the connections that hold it) is the provider's.
 */
public interface DemoEstate extends AutoCloseable {

    /** Where every service of the estate answers. */
    URI endpoint();

    /** The estate's base credentials, for the organisation's management account. */
    String accessKeyId();

    String secretAccessKey();

    /** The role every account of the estate lets the management account assume. */
    String role();

    /** The regions the estate has resources in. */
    List<String> regions();

    /** This connection is done with the estate. */
    @Override
    void close();
}
