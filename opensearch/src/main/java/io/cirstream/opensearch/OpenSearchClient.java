package io.cirstream.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.json.Json;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ResponseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * cirstream's one adapter to OpenSearch, on the OpenSearch Java client (opensearch-java, Apache HttpClient 5
 * transport): several nodes with failover, basic auth, TLS trusting only the configured CA. Callers speak OpenSearch's
 * documented REST API through {@link #send}/{@link #call}/{@link #sendAsync} (the client's generic API), which keeps
 * the k-NN and external-versioning bodies visible in our code; every call can also be made without blocking.
 */
public final class OpenSearchClient implements AutoCloseable {
    private static final String JSON = "application/json";

    private final List<URI> nodes;
    private final String username;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient generic;

    public OpenSearchClient(OpenSearchConfig config) {
        this.nodes = config.urls();
        this.username = config.username();
        this.transport = Transports.create(config);
        this.generic = new org.opensearch.client.opensearch.OpenSearchClient(transport).generic();
    }

    /** A response: status plus parsed JSON body (MissingNode when the body is empty). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends a request and returns the answer whatever its status; throws only when no answer came or the credentials
     * were refused (401: never an answer a caller can act on).
     */
    public Response send(String method, String path, String body) {
        return join(sendAsync(method, path, body, JSON));
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

    /**
     * Non-blocking variant for event-loop callers: completes on the HTTP client's I/O thread (hop back to your own
     * context), exceptionally with an {@link OpenSearchException} when {@link #send} would throw.
     */
    public CompletableFuture<Response> sendAsync(String method, String path, String body, String contentType) {
        CompletableFuture<org.opensearch.client.opensearch.generic.Response> answer;
        try {
            answer = generic.executeAsync(request(method, path, body, contentType));
        } catch (RuntimeException e) { // the transport refuses synchronously when every node is closed or dead
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((response, failure) -> {
            if (failure != null) {
                return fromError(failure);
            }
            try (response) {
                return answered(response.getStatus(), response.getBody().map(Body::bodyAsString).orElse(null));
            } catch (IOException e) {
                throw Failures.noAnswer(nodes, e);
            }
        });
    }

    /** The transport reports some statuses (401 among them) as a failure carrying a ResponseException. */
    private Response fromError(Throwable failure) {
        ResponseException error = Failures.find(failure, ResponseException.class);
        if (error != null) {
            return answered(error.status(), null);
        }
        throw Failures.noAnswer(nodes, failure);
    }

    private Response answered(int status, String body) {
        if (status == 401) {
            throw Failures.unauthorized(nodes, username);
        }
        return new Response(status, parse(body));
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

    /** The nodes this client talks to, in configured order. */
    public List<URI> nodes() {
        return nodes;
    }

    private static Request request(String method, String path, String body, String contentType) {
        int q = path.indexOf('?');
        var request = Requests.builder().method(method).endpoint(q < 0 ? path : path.substring(0, q))
                .query(query(q < 0 ? "" : path.substring(q + 1)));
        if (body != null) {
            request.body(Body.from(body.getBytes(StandardCharsets.UTF_8), contentType));
        }
        return request.build();
    }

    /** The transport takes query parameters apart from the path (and encodes them itself). */
    private static Map<String, String> query(String text) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private Response join(CompletableFuture<Response> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (Failures.unwrap(e) instanceof OpenSearchException known) {
                throw known;
            }
            throw Failures.noAnswer(nodes, e);
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
        try {
            transport.close();
        } catch (IOException e) {
            throw new OpenSearchException("closing the OpenSearch client: " + e.getMessage(), e);
        }
    }
}
