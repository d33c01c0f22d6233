package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.query.metrics.QueryMetrics;
import io.cirstream.query.search.GalleryStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.function.Supplier;

/** {@code /health} (the process answers), {@code /ready} (Kafka, OpenSearch, model, watch feed) and {@code /metrics}. */
final class OpsHandler {
    /**
     * Each readiness check gets this long; an unanswered one counts as down, so /ready answers within about this
     * time whatever is down (a probe with a 1-2 s timeout must get an answer to act on).
     */
    private static final int CHECK_TIMEOUT_MS = 800;

    private final Admin kafka;
    private final GalleryStore store;
    private final QueryMetrics metrics;
    private final Supplier<Boolean> watchFeedReady;
    private final String packId;

    OpsHandler(Admin kafka, GalleryStore store, QueryMetrics metrics, Supplier<Boolean> watchFeedReady, String packId) {
        this.kafka = kafka;
        this.store = store;
        this.metrics = metrics;
        this.watchFeedReady = watchFeedReady;
        this.packId = packId;
    }

    void health(RoutingContext ctx) {
        Bodies.sendJson(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "up"));
    }

    void ready(RoutingContext ctx) {
        Vertx vertx = ctx.vertx();
        Future<Boolean> kafkaUp = withDeadline(vertx, Future.fromCompletionStage(kafka.describeCluster(
                new DescribeClusterOptions().timeoutMs(CHECK_TIMEOUT_MS)).clusterId().toCompletionStage(),
                vertx.getOrCreateContext()).map(id -> true));
        Future<Boolean> openSearchUp = withDeadline(vertx, store.ready());
        Future.join(kafkaUp, openSearchUp).onComplete(done -> {
            ObjectNode checks = JsonNodeFactory.instance.objectNode()
                    .put("kafka", kafkaUp.result())
                    .put("opensearch", openSearchUp.result())
                    .put("model", packId)
                    .put("watch_feed", watchFeedReady.get());
            boolean ready = kafkaUp.result() && openSearchUp.result() && watchFeedReady.get();
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", ready ? "ready" : "not_ready");
            body.set("checks", checks);
            Bodies.sendJson(ctx, ready ? 200 : 503, body);
        });
    }

    /** The check's answer, or false once {@link #CHECK_TIMEOUT_MS} has passed without one; on this context. */
    private static Future<Boolean> withDeadline(Vertx vertx, Future<Boolean> check) {
        Promise<Boolean> result = Promise.promise();
        long timer = vertx.setTimer(CHECK_TIMEOUT_MS, id -> result.tryComplete(false));
        check.onComplete(done -> {
            vertx.cancelTimer(timer);
            result.tryComplete(done.succeeded() && Boolean.TRUE.equals(done.result()));
        });
        return result.future();
    }

    void metrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
    }
}
