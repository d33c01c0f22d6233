package io.cirstream.query.http;

import io.cirstream.query.watch.WatchHub;

import io.cirstream.query.watch.VectorFeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.contract.json.Json;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.search.QueryEncoder;
import io.cirstream.query.search.SearchRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/watch}: a standing composed query as Server-Sent Events. The query string carries the same
 * parameters as a search ({@code reference_id}, {@code reference_collection}, {@code text}, {@code method}, {@code w}, {@code alpha},
 * {@code alpha_preset}, {@code filters} as JSON) plus {@code threshold}. The stream sends {@code ready} once
 * the query is composed and the feed is positioned, then one {@code match} per newly indexed image whose
 * similarity reaches the threshold, and a comment line as keep-alive.
 */
public final class WatchHandler {
    private static final long KEEPALIVE_MS = 15_000;

    private final SearchRequestParser parser;
    private final QueryEncoder encoder;
    private final WatchHub hub;
    private final VectorFeed feed;
    private final double defaultThreshold;
    /** The query string a watch takes (the API document's); {@link #checkParameters} refuses anything else. */
    private final List<String> parameters;

    public WatchHandler(SearchRequestParser parser, QueryEncoder encoder, WatchHub hub, VectorFeed feed,
                        double defaultThreshold, List<String> parameters) {
        this.parser = parser;
        this.encoder = encoder;
        this.hub = hub;
        this.feed = feed;
        this.defaultThreshold = defaultThreshold;
        this.parameters = List.copyOf(parameters);
    }

    public void handle(RoutingContext ctx) {
        MultiMap params = ctx.queryParams();
        Future.succeededFuture(params).map(this::request).compose(request -> {
            double threshold = threshold(params);
            if (!feed.ready()) {
                throw QueryError.of(ErrorCode.WATCH_FEED_NOT_READY, "the vectors feed is not positioned yet");
            }
            return encoder.encode(request).map(encoded -> {
                stream(ctx, request, encoded.query(), threshold);
                return true;
            });
        }).onFailure(ctx::fail);
    }

    private SearchRequest request(MultiMap params) {
        checkParameters(params);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        copyText(params, "text", body);
        copyText(params, "method", body);
        copyText(params, "alpha_preset", body);
        for (String number : new String[]{"w", "alpha"}) {
            Optional.ofNullable(params.get(number)).ifPresent(v -> body.put(number, parseNumber(number, v)));
        }
        Optional.ofNullable(params.get("reference_id")).ifPresent(id -> body.putObject("reference").put("id", id)
                .put("collection", params.get("reference_collection")));
        if (body.path("reference").path("collection").isNull()) {
            ((ObjectNode) body.get("reference")).remove("collection");
        }
        Optional.ofNullable(params.get("filters")).ifPresent(f -> body.set("filters", parseFilters(f)));
        SearchRequest request = parser.parse(body, Optional.empty());
        if (request.method().fusesLate()) {
            throw QueryError.of(ErrorCode.METHOD_UNAVAILABLE, "weicom needs gallery statistics and cannot score "
                    + "single new images; watch with image, text, sum, slerp, pseudo_token or combiner");
        }
        if (request.filters().captured().isPresent() || request.filters().box().isPresent()
                || request.filters().near().isPresent()) {
            throw QueryError.of(ErrorCode.BAD_FILTER, "watches accept collection, category, source and tags filters only");
        }
        return request;
    }

    private void stream(RoutingContext ctx, SearchRequest request, float[] query, double threshold) {
        HttpServerResponse response = ctx.response();
        long watchId = hub.open(query, threshold, request.filters(), ctx.vertx().getOrCreateContext(),
                match -> send(response, "match", matchJson(match)));
        if (watchId < 0) {
            throw QueryError.overloaded("too many open watches; retry later");
        }
        // identity: a compressed stream would sit in the deflater until enough bytes collect, delaying events.
        response.setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Content-Encoding", "identity")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        long keepAlive = ctx.vertx().setPeriodic(KEEPALIVE_MS, t -> response.write(": keep-alive\n\n"));
        response.closeHandler(v -> {
            hub.close(watchId);
            ctx.vertx().cancelTimer(keepAlive);
        });
        send(response, "ready", JsonNodeFactory.instance.objectNode().put("watch", watchId)
                .put("method", request.method().wireName()).put("threshold", threshold));
    }

    private static void send(HttpServerResponse response, String event, JsonNode data) {
        // A client that stops reading must not grow our memory: drop matches while its buffer is full.
        if (!response.closed() && !response.writeQueueFull()) {
            response.write("event: " + event + "\ndata: " + data + "\n\n");
        }
    }

    private static ObjectNode matchJson(WatchHub.Match match) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", match.id()).put("score", match.score());
        node.set("metadata", match.metadata());
        return node;
    }

    private double threshold(MultiMap params) {
        String text = params.get("threshold");
        double value = text == null ? defaultThreshold : parseNumber("threshold", text);
        if (!(value >= -1 && value <= 1)) {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, "threshold must be within [-1, 1], got " + value);
        }
        return value;
    }

    /**
     * A misspelt parameter ({@code treshold}) would otherwise be ignored and the watch run on a default the client
     * never chose, and a repeated one would silently use its first value: both are refused, as an unknown or
     * repeated field of a search body is.
     */
    private void checkParameters(MultiMap params) {
        for (String name : params.names()) {
            if (!parameters.contains(name)) {
                throw QueryError.of(ErrorCode.UNKNOWN_FIELD, "unknown parameter '" + name + "'; known: "
                        + String.join(", ", parameters));
            }
            int given = params.getAll(name).size();
            if (given > 1) {
                throw QueryError.of(ErrorCode.BAD_PARAMETER, "parameter '" + name + "' is given " + given
                        + " times; give it once");
            }
        }
    }

    private static void copyText(MultiMap params, String name, ObjectNode body) {
        Optional.ofNullable(params.get(name)).ifPresent(v -> body.put(name, v));
    }

    private static double parseNumber(String name, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw QueryError.of(ErrorCode.BAD_PARAMETER, name + " must be a number, got '" + text + "'");
        }
    }

    private static JsonNode parseFilters(String text) {
        try {
            return Json.strictReader().readTree(text);
        } catch (JsonProcessingException e) {
            throw QueryError.of(ErrorCode.BAD_FILTER, "filters is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
