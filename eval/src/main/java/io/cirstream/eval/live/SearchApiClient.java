package io.cirstream.eval.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.eval.metric.ScoredId;
import io.cirstream.model.composition.CompositionParams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Calls {@code POST /v1/search} of a running query API, as any client would. Thread-safe. */
public final class SearchApiClient implements AutoCloseable {
    /** The deepest {@code k} the query API accepts (its OpenAPI contract). */
    public static final int MAX_K = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI endpoint;
    private final HttpClient http;

    public SearchApiClient(URI api) {
        this.endpoint = LoopbackUrls.require(api, "query API").resolve("/v1/search");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * One search request of the evaluation: a method, its inputs and weights, a depth, restricted to one
     * collection. The weights are sent even where they equal the API's defaults, so the API composes exactly
     * what exact search composes; the reference stays in the results, because the protocol decides whether
     * it counts and exact search sees it too.
     *
     * @param category where the protocol ranks within a category (FashionIQ), the category whose gallery is
     *                 searched: a {@code tags} filter, since the replay tags each image with every category it
     *                 is listed in; null to search the whole collection
     */
    public record Request(String method, String referenceId, String text, CompositionParams params, int k,
                          String collection, String category, String referenceBase64) {

        public Request(String method, String referenceId, String text, CompositionParams params, int k,
                       String collection, String category) {
            this(method, referenceId, text, params, k, collection, category, null);
        }

        public Request(String method, String referenceId, String text, CompositionParams params, int k,
                       String collection) {
            this(method, referenceId, text, params, k, collection, null);
        }

        /** The same request with the reference's image sent (base64) instead of its id. */
        public Request withReferenceImage(byte[] image) {
            return new Request(method, referenceId, text, params, k, collection, category,
                    Base64.getEncoder().encodeToString(image));
        }

        ObjectNode toJson() {
            ObjectNode body = Json.mapper().createObjectNode();
            if (referenceBase64 != null) {
                body.putObject("reference").put("image_base64", referenceBase64);
            } else if (referenceId != null) {
                // The same id may be in several collections (CIRCO val and test): name the one evaluated.
                body.putObject("reference").put("id", referenceId).put("collection", collection);
            }
            if (text != null) {
                body.put("text", text);
            }
            body.put("method", method).put("k", k).put("exclude_reference", false)
                    .put("w", params.w()).put("alpha", params.alpha()).put("lambda", params.lambda());
            if (!params.composer().isEmpty()) {
                body.put("composer", params.composer());
            }
            ObjectNode filters = body.putObject("filters").put("collection", collection);
            if (category != null) {
                filters.put("tags", category);
            }
            return body;
        }
    }

    /**
     * The results best first as the API ordered them, and the round trip as the client saw it.
     *
     * @param failure why the query got no results; null when the API answered
     */
    public record Answer(List<ScoredId> results, Duration latency, QueryFailure failure) {

        public Answer(List<ScoredId> results, Duration latency) {
            this(results, latency, null);
        }

        static Answer failed(QueryFailure failure, Duration latency) {
            return new Answer(List.of(), latency, failure);
        }

        public boolean failed() {
            return failure != null;
        }
    }

    public Answer search(Request request) {
        HttpRequest http = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toJson().toString(), StandardCharsets.UTF_8))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = send(http);
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            JsonNode error = body.path("error");
            throw new SearchFailedException(response.statusCode(), error.path("code").asText(""),
                    "query API answered " + response.statusCode()
                    + " (" + error.path("code").asText("no error code") + ": " + error.path("message").asText(
                    response.body()) + ") to " + request.method() + " for reference " + request.referenceId());
        }
        return new Answer(results(body), latency);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SearchFailedException(0, "", "query API at " + endpoint + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchFailedException(0, "", "interrupted while calling the query API");
        }
    }

    private static List<ScoredId> results(JsonNode body) {
        JsonNode results = body.path("results");
        if (!results.isArray()) {
            throw new SearchFailedException(200, "", "query API answer has no results array: " + body);
        }
        List<ScoredId> scored = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            scored.add(new ScoredId(result.path("id").asText(), result.path("score").asDouble(Double.NaN)));
        }
        return scored;
    }

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /**
     * The query API refused a search, could not be reached or answered something unreadable. The evaluation
     * counts it against the query (see {@link QueryFailure}) and goes on.
     */
    public static final class SearchFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final String code;

        SearchFailedException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        /** The HTTP status, 0 when no answer came. */
        public int status() {
            return status;
        }

        /** What went wrong, as reported per reason: see {@link QueryFailure#of}. */
        public QueryFailure failure() {
            return QueryFailure.of(status, code, getMessage());
        }
    }
}
