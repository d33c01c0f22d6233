package io.cirstream.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.json.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * A deliberately small JSON-over-HTTP OpenSearch client. cirstream needs a handful of REST calls (index and
 * alias management, bulk, k-NN search); speaking the documented REST API directly keeps the k-NN and
 * external-versioning bodies visible in our code instead of behind a generated typed API.
 */
public final class OpenSearchClient implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    public OpenSearchClient(OpenSearchConfig config) {
        this.base = config.url();
        this.authorization = config.username().isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A response: status plus parsed JSON body (MissingNode when the body is empty). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Sends a request and returns the answer whatever its status; throws only when no answer came. */
    public Response send(String method, String path, String body) {
        return join(sendAsync(method, path, body, "application/json"));
    }

    /** Like {@link #send} but a non-2xx status becomes an {@link OpenSearchException} carrying OpenSearch's reason. */
    public JsonNode call(String method, String path, String body) {
        Response response = send(method, path, body);
        if (!response.ok()) {
            throw new OpenSearchException(response.status(), method + " " + path + " -> " + response.status()
                    + ": " + reason(response.body()));
        }
        return response.body();
    }

    /** Non-blocking variant for event-loop callers. */
    public CompletableFuture<Response> sendAsync(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Response(r.statusCode(), parse(r.body())));
    }

    /** Bulk request with an NDJSON body; the caller inspects per-item results. */
    public JsonNode bulk(String ndjson, boolean refresh) {
        Response response = join(sendAsync("POST", "/_bulk" + (refresh ? "?refresh=true" : ""), ndjson,
                "application/x-ndjson"));
        if (!response.ok()) {
            throw new OpenSearchException(response.status(), "bulk -> " + response.status() + ": "
                    + reason(response.body()));
        }
        return response.body();
    }

    /** True when the cluster answers and is at least yellow. */
    public boolean healthy() {
        try {
            Response r = send("GET", "/_cluster/health", null);
            String status = r.body().path("status").asText();
            return r.ok() && ("green".equals(status) || "yellow".equals(status));
        } catch (OpenSearchException e) {
            return false;
        }
    }

    public boolean exists(String indexOrAlias) {
        return send("HEAD", "/" + indexOrAlias, null).ok();
    }

    private static Response join(CompletableFuture<Response> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof ConnectException ? "connection refused" : String.valueOf(cause);
            throw new OpenSearchException("OpenSearch not reachable: " + what, cause);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(body);
        }
    }

    private static String reason(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isObject()) {
            return error.path("type").asText() + ": " + error.path("reason").asText();
        }
        return error.isMissingNode() ? body.toString() : error.asText();
    }

    @Override
    public void close() {
        http.close();
    }
}
