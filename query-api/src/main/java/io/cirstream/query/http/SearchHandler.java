package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.query.error.ErrorCode;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.search.SearchEngine;
import io.cirstream.query.search.SearchRequest;
import io.cirstream.query.search.SearchResult;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** {@code POST /v1/search}: a JSON body, or multipart with a {@code request} JSON part and an {@code image} file. */
final class SearchHandler {

    /** Bodies up to this size are parsed on the event loop (microseconds); larger ones on a worker. */
    static final int INLINE_PARSE_BYTES = 64 * 1024;

    private final SearchRequestParser parser;
    private final SearchEngine engine;

    SearchHandler(SearchRequestParser parser, SearchEngine engine) {
        this.parser = parser;
        this.engine = engine;
    }

    void handle(RoutingContext ctx) {
        request(ctx).compose(engine::search)
                .onSuccess(result -> Bodies.sendJson(ctx, 200, toJson(result)))
                .onFailure(ctx::fail);
    }

    private Future<SearchRequest> request(RoutingContext ctx) {
        if (Bodies.isMultipart(ctx)) {
            String json = ctx.request().getFormAttribute("request");
            return Bodies.file(ctx, "image").compose(upload -> ctx.vertx().executeBlocking(() -> parser.parse(
                    Bodies.json(json, "the 'request' part"), upload), false));
        }
        if (!Bodies.hasType(ctx, "application/json")) {
            return Future.failedFuture(QueryError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send application/json or multipart/form-data, not " + ctx.request().getHeader("Content-Type")));
        }
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (body.length <= INLINE_PARSE_BYTES) {
            return Future.succeededFuture().map(v -> parser.parse(Bodies.json(body, "the body"), Optional.empty()));
        }
        // Parsing (and base64-decoding) a body of megabytes takes milliseconds to seconds: not on the event loop.
        return ctx.vertx().executeBlocking(() -> parser.parse(Bodies.json(body, "the body"), Optional.empty()), false);
    }

    static ObjectNode toJson(SearchResult result) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("method", result.method().wireName());
        var results = body.putArray("results");
        for (SearchResult.Item item : result.results()) {
            ObjectNode node = results.addObject().put("id", item.id()).put("score", item.score());
            node.set("metadata", item.metadata());
            if (item.explain() != null) {
                ObjectNode explain = node.putObject("explain");
                explain.put("image", item.explain().image());
                explain.put("text", item.explain().text());
            }
        }
        body.putObject("timings").put("encode_ms", result.timings().encodeMs())
                .put("knn_ms", result.timings().knnMs()).put("total_ms", result.timings().totalMs());
        return body;
    }
}
