package io.github.imagebuildersql.core.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLInitializationException;
import org.apache.http.protocol.HttpContext;
import software.amazon.awssdk.http.SystemPropertyTlsKeyManagersProvider;
import software.amazon.awssdk.http.apache.internal.conn.SdkTlsSocketFactory;

/**
 * The HTTP client's TLS, set up when it is first needed rather than when the client is built: loading the
 * JDK's trust store and initialising TLS is about a tenth of a short command's CPU, which a connection to
 * an http:// endpoint (the demo's emulator, LocalStack) never needs. It is what the SDK's ApacheHttpClient
 * builds by default: a TLS context with the key managers of the javax.net.ssl system properties, the
 * JDK's trust managers and the default hostname verifier.
 */
final class LazyTls implements LayeredConnectionSocketFactory {
    private volatile SdkTlsSocketFactory tls;

    /** Sets TLS up now, if it is not yet. */
    SdkTlsSocketFactory tls() {
        SdkTlsSocketFactory t = tls;
        if (t == null) {
            synchronized (this) {
                if (tls == null) {
                    try {
                        SSLContext context = SSLContext.getInstance("TLS");
                        context.init(SystemPropertyTlsKeyManagersProvider.create().keyManagers(), null, null);
                        tls = new SdkTlsSocketFactory(context, SSLConnectionSocketFactory.getDefaultHostnameVerifier());
                    } catch (GeneralSecurityException e) {
                        throw new SSLInitializationException(e.getMessage(), e);
                    }
                }
                t = tls;
            }
        }
        return t;
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return tls().createSocket(context);
    }

    @Override
    public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
            InetSocketAddress localAddress, HttpContext context) throws IOException {
        return tls().connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
        return tls().createLayeredSocket(socket, target, port, context);
    }
}
