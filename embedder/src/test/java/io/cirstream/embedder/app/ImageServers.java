package io.cirstream.embedder.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.BlobStore;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where remote images live in the embedder's tests: a real HTTP server on 127.0.0.1 (one handler per path) and a
 * real S3 server in this JVM (s3proxy over jclouds' in-memory blobstore) with one bucket. The remote-images module
 * tests the fetch rules in depth; these only serve the end-to-end cases.
 */
final class ImageServers implements AutoCloseable {
    static final String BUCKET = "tiles";
    static final String ACCESS_KEY = "local-access";
    static final String SECRET_KEY = "local-secret";

    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BlobStoreContext blobs;
    private final S3Proxy s3;

    ImageServers() throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(threads);
        http.start();
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        s3 = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        s3.start();
    }

    ImageServers route(String path, HttpHandler handler) {
        http.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException e) {
                // The client hung up (cut at a limit): nothing left to answer.
            }
        });
        return this;
    }

    /** Serves {@code body} with {@code status} at {@code path}. */
    ImageServers serve(String path, int status, byte[] body) {
        return route(path, exchange -> send(exchange, status, body));
    }

    void put(String key, byte[] bytes) {
        BlobStore store = blobs.getBlobStore();
        store.putBlob(BUCKET, store.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    URI s3(String key) {
        return URI.create("s3://" + BUCKET + "/" + key);
    }

    /** The embedder's remote.* settings for these two servers, and only them. */
    Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("remote.allowed-hosts", "127.0.0.1:" + http.getAddress().getPort() + ",127.0.0.1:" + s3.getPort());
        s.put("remote.s3.endpoint", "http://127.0.0.1:" + s3.getPort());
        s.put("remote.s3.path-style", "true");
        s.put("remote.s3.access-key", ACCESS_KEY);
        s.put("remote.s3.secret-key", SECRET_KEY);
        return s;
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
        try {
            s3.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        } finally {
            blobs.close();
        }
    }
}
