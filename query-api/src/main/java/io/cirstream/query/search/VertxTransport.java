package io.cirstream.query.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cirstream.contract.config.OpenSearchConfig;
import io.vertx.core.Future;
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

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The search path over Vert.x's own pooled, non-blocking HTTP client: requests are written and answers read on
 * the calling event loop (no hand-off to another thread pool and back), over kept-alive connections. URL and
 * basic auth come from the same {@link OpenSearchConfig} as the shared adapter.
 */
public final class VertxTransport implements OpenSearchTransport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 30_000;

    private final HttpClient http;
    private final String base;
    private final MultiMap headers;

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

    /** {@code poolSize}: connections kept to OpenSearch (per event loop the client is used from, at most this). */
    public VertxTransport(Vertx vertx, OpenSearchConfig config, int poolSize) {
        URI url = config.url();
        boolean tls = "https".equals(url.getScheme());
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setSsl(tls)
                .setDefaultHost(url.getHost()).setDefaultPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80);
        if (tls) {
            trust(options, config.tls());
        }
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(poolSize));
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        this.base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONTENT_TYPE, "application/json");
        if (config.username() != null && !config.username().isEmpty()) {
            headers.add(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                    (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public Future<Reply> send(String method, String path, String body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setURI(base + path)
                .setHeaders(headers).setIdleTimeout(TIMEOUT_MS);
        return http.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(bytes -> new Reply(response.statusCode(), parse(bytes))));
    }

    private static JsonNode parse(Buffer bytes) {
        if (bytes.length() == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(bytes.getBytes());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public void close() {
        http.close().toCompletionStage().toCompletableFuture().join();
    }
}
