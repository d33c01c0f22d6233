package io.cirstream.embedder.app;

import io.cirstream.contract.topic.TopicSetup;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two embedder instances (as on two machines: own state dir, own static member name) started together on a backlog
 * both get stream tasks and both embed images; together they index every image exactly once. An earlier run left
 * every task on the first instance, so the second one embedded nothing.
 */
@IntegrationTest
class TwoInstancesShareTheWorkIntegrationTest {
    private static final int BACKLOG = 600;

    @TempDir
    Path dir;

    @Test
    void twoInstancesStartedTogetherOnABacklogBothEmbed() {
        try (EmbedderHarness h = new EmbedderHarness(dir.resolve("state-a"), Map.of(
                EmbedderConfig.BATCH_SIZE.name(), "8",
                EmbedderConfig.METRICS_PORT.name(), "0"))) {
            EmbedderConfig config = EmbedderConfig.from(h.settings());
            TopicSetup.ensure(config.kafka(), config.topics());
            for (int i = 0; i < BACKLOG; i++) {
                h.send(id(i), tileEvent(i, 10 + i), 10 + i);
            }
            h.flush();
            try (EmbedderService a = h.start(Map.of(EmbedderConfig.INSTANCE_ID.name(), "embedder-a"));
                 EmbedderService b = h.start(Map.of(EmbedderConfig.INSTANCE_ID.name(), "embedder-b",
                         EmbedderConfig.STATE_DIR.name(), dir.resolve("state-b").toString()))) {
                await("all " + BACKLOG + " images indexed by the two instances", () -> h.documentCount() == BACKLOG);
                long byA = a.metrics().snapshot().recordsIn();
                long byB = b.metrics().snapshot().recordsIn();
                System.out.printf("two instances on a %d-image backlog: a read %d records, b read %d%n", BACKLOG, byA, byB);
                assertThat(byA).as("records the first instance read").isPositive();
                assertThat(byB).as("records the second instance read").isPositive();
            }
            VectorEventCodec codec = new VectorEventCodec();
            assertThat(h.readAll(h.topics().vectors())).as("committed vectors, one per image")
                    .extracting(r -> codec.decode(r.value()).id()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, BACKLOG).mapToObj(GalleryFixtures::id).toList());
        }
    }
}
