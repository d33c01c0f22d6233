package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.cirstream.contract.config.OpenSearchConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The search path over Vert.x's own pooled, non-blocking HTTP client: requests are written and answers read on
 * the calling event loop (no hand-off to another thread pool and back), over kept-alive connections. URL and
 * basic auth come from the same {@link OpenSearchConfig} as the shared adapter.
 * <p>
 * It speaks CBOR unless told otherwise ({@code query.opensearch.cbor}); OpenSearch reads and answers it like JSON
 * ({@code Content-Type} and {@code Accept} {@code application/cbor}). A 512-d query vector is then 2.6 KB of 4-byte
 * floats instead of 6.4 KB of decimal text, so neither this event loop nor OpenSearch formats or parses 512 decimal
 * numbers per search (writing them as text was 8.5 % of the event loop's CPU under load). An answer is read by its
 * own {@code Content-Type}, so one that comes back as JSON (from a proxy, say) is read as well. Should something in
 * between refuse CBOR outright (415 or 406), the request is sent again in JSON and the client stays with JSON.
 */
public final class VertxTransport implements OpenSearchTransport {
    private static final Logger LOG = LoggerFactory.getLogger(VertxTransport.class);
    static final String CBOR_TYPE = "application/cbor";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final long TIMEOUT_MS = 30_000;

    private final HttpClient http;
    private final Context home;
    private final String base;
    private final MultiMap jsonHeaders;
    private final MultiMap cborHeaders;
    private volatile boolean cbor;

    /** The same trust as the adapter's: only the configured CA (PEM or truststore) when one is set, hostnames verified. */
    private static void trust(HttpClientOptions options, OpenSearchConfig.Tls tls) {
        options.setVerifyHost(tls.verifyHostname());
        if (tls.caPem().isPresent()) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(tls.caPem().get().toString()));
        } else if (tls.truststore().isPresent()) {
            options.setTrustOptions(new KeyStoreOptions().setType(tls.truststoreType())
                    .setPath(tls.truststore().get().toString()).setPassword(tls.truststorePassword()));
        }
    }

    /**
     * {@code poolSize}: connections kept to OpenSearch (per event loop the client is used from, at most this);
     * {@code cbor}: request bodies and answers in CBOR, else JSON.
     */
    public VertxTransport(Vertx vertx, OpenSearchConfig config, int poolSize, boolean cbor) {
        URI url = config.url();
        boolean tls = "https".equals(url.getScheme());
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setSsl(tls)
                .setDefaultHost(url.getHost()).setDefaultPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80);
        if (tls) {
            trust(options, config.tls());
        }
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSize));
        this.home = vertx.getOrCreateContext();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        this.base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.cbor = cbor;
        this.jsonHeaders = headers(JSON_TYPE, config);
        this.cborHeaders = headers(CBOR_TYPE, config);
    }

    private static MultiMap headers(String type, OpenSearchConfig config) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONTENT_TYPE, type)
                .add(HttpHeaders.ACCEPT, type);
        if (config.username() != null && !config.username().isEmpty()) {
            headers.add(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                    (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    @Override
    public Future<Reply> send(String method, String path, JsonNode body) {
        if (Vertx.currentContext() != null) {
            return exchange(method, path, body);
        }
        // Vert.x's client must be driven from one of its contexts. Called from another thread, an answer could end
        // before its body was asked for, and the request then never completed: about 1 in 1,300 requests in
        // VertxTransportIntegrationTest. The API's own calls come from its event loops; anything else is moved there.
        Promise<Reply> answer = Promise.promise();
        home.runOnContext(v -> exchange(method, path, body).onComplete(answer));
        return answer.future();
    }

    private Future<Reply> exchange(String method, String path, JsonNode body) {
        boolean inCbor = cbor;
        return exchange(method, path, body, inCbor).compose(reply -> {
            if (inCbor && (reply.status() == 415 || reply.status() == 406)) {
                if (cbor) {
                    cbor = false;
                    LOG.warn("OpenSearch (or a proxy in front of it) refused CBOR with {}; the search client speaks"
                            + " JSON from now on (set query.opensearch.cbor=false to start that way)", reply.status());
                }
                return exchange(method, path, body, false);
            }
            return Future.succeededFuture(reply);
        });
    }

    private Future<Reply> exchange(String method, String path, JsonNode body, boolean inCbor) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setURI(base + path)
                .setHeaders(inCbor ? cborHeaders : jsonHeaders).setIdleTimeout(TIMEOUT_MS);
        Buffer encoded;
        try {
            encoded = body == null ? null : Buffer.buffer((inCbor ? CBOR : JSON).writeValueAsBytes(body));
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        return http.request(options)
                .compose(request -> encoded == null ? request.send() : request.send(encoded))
                .compose(response -> response.body().map(bytes -> new Reply(response.statusCode(),
                        parse(bytes, response.getHeader(HttpHeaders.CONTENT_TYPE)))));
    }

    /** The answer in the format its {@code Content-Type} names: CBOR as asked for, or JSON. */
    static JsonNode parse(Buffer bytes, String contentType) {
        if (bytes.length() == 0) {
            return MissingNode.getInstance();
        }
        ObjectMapper reader = contentType != null && contentType.startsWith(CBOR_TYPE) ? CBOR : JSON;
        try {
            return reader.readTree(bytes.getBytes());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public void close() {
        http.close().toCompletionStage().toCompletableFuture().join();
    }
}
