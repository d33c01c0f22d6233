package io.cirstream.query.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.query.metrics.QueryMetrics;
import io.cirstream.query.search.GalleryStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.function.Supplier;

/** {@code /health} (the process answers), {@code /ready} (Kafka, OpenSearch, model, watch feed) and {@code /metrics}. */
final class OpsHandler {
    private static final int KAFKA_TIMEOUT_MS = 2_000;

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
        Future<Boolean> kafkaUp = Future.fromCompletionStage(kafka.describeCluster(
                new DescribeClusterOptions().timeoutMs(KAFKA_TIMEOUT_MS)).clusterId().toCompletionStage())
                .map(id -> true).otherwise(false);
        Future<Boolean> openSearchUp = store.ready().otherwise(false);
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

    void metrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
    }
}
