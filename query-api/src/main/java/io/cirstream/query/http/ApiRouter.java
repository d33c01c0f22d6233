package io.cirstream.query.http;

import io.cirstream.publisher.GalleryPublisher;
import io.cirstream.query.metrics.QueryMetrics;
import io.cirstream.query.search.GalleryStore;
import io.cirstream.query.search.SearchEngine;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import org.apache.kafka.clients.admin.Admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Every route of the query API, declared in one place. */
public final class ApiRouter {

    /** What the router needs from the server; the handlers are built by the server from its components. */
    public record Parts(SearchRequestParser parser, SearchEngine engine, GalleryPublisher publisher, GalleryStore store,
                        List<Path> imageRoots, WatchHandler watch, OpsParts ops, ApiContract contract,
                        QueryMetrics metrics) {
    }

    /** Inputs of the ops endpoints. */
    public record OpsParts(Admin kafka, Supplier<Boolean> watchFeedReady, String packId) {
    }

    /** Limits and access rules of the HTTP surface. */
    public record Policy(long bodyLimit, long timeoutMs, String apiKey, List<String> corsOrigins) {
    }

    private ApiRouter() {
    }

    public static Router build(Vertx vertx, Parts parts, Policy policy) {
        Router router = Router.router(vertx);
        if (!policy.corsOrigins().isEmpty()) {
            router.route().handler(cors(policy.corsOrigins()));
        }
        if (!policy.apiKey().isEmpty()) {
            router.route("/v1/*").handler(apiKey(policy.apiKey()));
        }
        router.route("/v1/*").handler(Bodies::requireMultipartBoundary);
        router.route("/v1/*").handler(BodyHandler.create().setBodyLimit(policy.bodyLimit())
                .setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true));

        SearchHandler search = new SearchHandler(parts.parser(), parts.engine());
        ImagesHandler images = new ImagesHandler(parts.publisher(), parts.store(), new ImageContent(parts.imageRoots()));
        OpsHandler ops = new OpsHandler(parts.ops().kafka(), parts.store(), parts.metrics(),
                parts.ops().watchFeedReady(), parts.ops().packId());
        Handler<RoutingContext> timeout = TimeoutHandler.create(policy.timeoutMs(), 503);
        Routes routes = new Routes(router, parts.metrics());

        routes.add(HttpMethod.POST, "/v1/search", timeout, search::handle);
        routes.add(HttpMethod.POST, "/v1/images", timeout, images::ingest);
        routes.add(HttpMethod.GET, "/v1/images/:id", timeout, images::get);
        routes.add(HttpMethod.DELETE, "/v1/images/:id", timeout, images::delete);
        routes.add(HttpMethod.GET, "/v1/images/:id/content", timeout, images::content);
        routes.add(HttpMethod.GET, "/v1/watch", null, parts.watch()::handle);
        routes.add(HttpMethod.GET, "/health", timeout, ops::health);
        routes.add(HttpMethod.GET, "/ready", timeout, ops::ready);
        routes.add(HttpMethod.GET, "/metrics", timeout, ops::metrics);
        String yaml = parts.contract().yaml();
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8").end(yaml));
        // Everything outside the API is the static web page; /v1 paths must keep their 404/405 answers.
        router.getWithRegex("^/(?!v1/).*").handler(StaticHandler.create("web").setCachingEnabled(false));

        router.route().failureHandler(ErrorResponses::handle);
        for (int status : new int[]{404, 405, 413}) {
            router.errorHandler(status, ctx -> ErrorResponses.sendStatus(ctx, status));
        }
        return router;
    }

    private static CorsHandler cors(List<String> origins) {
        CorsHandler handler = origins.contains("*") ? CorsHandler.create() : CorsHandler.create().addOrigins(origins);
        return handler.allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE))
                .allowedHeaders(Set.of("Content-Type", "X-API-Key"));
    }

    private static Handler<RoutingContext> apiKey(String expected) {
        byte[] expectedBytes = expected.getBytes(StandardCharsets.UTF_8);
        return ctx -> {
            String given = ctx.request().getHeader("X-API-Key");
            // Constant-time comparison: the key must not leak through response timing.
            if (given != null && MessageDigest.isEqual(expectedBytes, given.getBytes(StandardCharsets.UTF_8))) {
                ctx.next();
            } else {
                ErrorResponses.sendStatus(ctx, 401);
            }
        };
    }

    /**
     * Adds routes with a latency timer tagged by the route template (bounded label cardinality).
     * A null timeout leaves the route unbounded (the watch stream lives as long as its client).
     */
    private record Routes(Router router, QueryMetrics metrics) {
        void add(HttpMethod method, String path, Handler<RoutingContext> timeout, Handler<RoutingContext> handler) {
            var route = router.route(method, path);
            if (timeout != null) {
                route.handler(timeout);
            }
            route.handler(ctx -> {
                long start = System.nanoTime();
                ctx.addEndHandler(done -> metrics.recordRequest(path, method.name(), ctx.response().getStatusCode(),
                        System.nanoTime() - start));
                ctx.next();
            }).handler(handler);
        }
    }
}
