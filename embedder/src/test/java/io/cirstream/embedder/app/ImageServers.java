package io.cirstream.embedder.app;

import com.sun.net.httpserver.HttpHandler;
import io.cirstream.testkit.LoopbackServer;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.BlobStore;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Where remote images live in the embedder's tests: a real HTTP server on 127.0.0.1 (one handler per path) and a
 * real S3 server in this JVM (s3proxy over jclouds' in-memory blobstore) with one bucket. The remote-images module
 * tests the fetch rules in depth; these only serve the end-to-end cases.
 */
final class ImageServers implements AutoCloseable {
    static final String BUCKET = "tiles";
    static final String ACCESS_KEY = "local-access";
    static final String SECRET_KEY = "local-secret";

    private final LoopbackServer http = new LoopbackServer();
    private final BlobStoreContext blobs;
    private final S3Proxy s3;

    ImageServers() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        s3 = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        s3.start();
    }

    ImageServers route(String path, HttpHandler handler) {
        http.route(path, handler);
        return this;
    }

    /** Serves {@code body} with {@code status} at {@code path}. */
    ImageServers serve(String path, int status, byte[] body) {
        return route(path, exchange -> LoopbackServer.send(exchange, status, body));
    }

    void put(String key, byte[] bytes) {
        BlobStore store = blobs.getBlobStore();
        store.putBlob(BUCKET, store.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    URI http(String path) {
        return http.uri(path);
    }

    URI s3(String key) {
        return URI.create("s3://" + BUCKET + "/" + key);
    }

    /** The embedder's remote.* settings for these two servers, and only them. */
    Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("remote.allowed-hosts", http.hostPort() + ",127.0.0.1:" + s3.getPort());
        s.put("remote.s3.endpoint", "http://127.0.0.1:" + s3.getPort());
        s.put("remote.s3.path-style", "true");
        s.put("remote.s3.access-key", ACCESS_KEY);
        s.put("remote.s3.secret-key", SECRET_KEY);
        return s;
    }

    @Override
    public void close() {
        http.close();
        try {
            s3.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        } finally {
            blobs.close();
        }
    }
}
