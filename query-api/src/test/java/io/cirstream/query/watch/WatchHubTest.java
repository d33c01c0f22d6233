package io.cirstream.query.watch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cirstream.query.search.Filters;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WatchHubTest {

    @Test
    void pushesOnlyVectorsAboveTheThresholdThatPassTheTermFilters() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WatchHub hub = new WatchHub(1);
            BlockingQueue<WatchHub.Match> matches = new LinkedBlockingQueue<>();
            Filters tags = new Filters(Map.of("tags", List.of("ship")), Optional.empty(), Optional.empty(), Optional.empty());
            long id = hub.open(new float[]{1, 0}, 0.7, tags, vertx.getOrCreateContext(), matches::add);
            assertThat(hub.open(new float[]{1, 0}, 0.7, tags, vertx.getOrCreateContext(), matches::add)).isEqualTo(-1);

            hub.offer(new IndexedVector("far", new float[]{0, 1}, metadata("ship")));       // cos 0
            hub.offer(new IndexedVector("filtered", new float[]{1, 0}, metadata("tank")));  // cos 1, wrong tag
            hub.offer(new IndexedVector("near", new float[]{4, 3}, metadata("ship")));      // cos 0.8
            // Dispatch is ordered on one context, so the first match proves the earlier two were dropped.
            WatchHub.Match match = matches.poll(10, TimeUnit.SECONDS);
            assertThat(match.id()).isEqualTo("near");
            assertThat(match.score()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-6));

            hub.close(id);
            assertThat(hub.size()).isZero();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static ObjectNode metadata(String tag) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("tags").add(tag).add("red");
        return node;
    }
}
