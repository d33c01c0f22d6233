package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.query.error.QueryError;
import io.cirstream.query.search.SearchEngine;
import io.cirstream.query.search.SearchRequest;
import io.cirstream.query.search.SearchResult;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** {@code POST /v1/search}: a JSON body, or multipart with a {@code request} JSON part and an {@code image} file. */
final class SearchHandler {

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
            return Bodies.file(ctx, "image").map(upload -> parser.parse(
                    Bodies.json(ctx.request().getFormAttribute("request"), "the 'request' part"), upload));
        }
        if (!Bodies.hasType(ctx, "application/json")) {
            return Future.failedFuture(QueryError.unsupportedMedia("unsupported_media_type",
                    "send application/json or multipart/form-data, not " + ctx.request().getHeader("Content-Type")));
        }
        return Future.succeededFuture().map(v -> parser.parse(Bodies.json(ctx.body().asString(), "the body"),
                Optional.empty()));
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
