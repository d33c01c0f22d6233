package io.cirstream.embedder.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.testkit.LoopbackServer;
import io.cirstream.testkit.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, remote images end to end on the real broker and OpenSearch: images by {@code http://} and {@code s3://}
 * URI are fetched by the embedder and indexed; an image whose server answers 503 for a while is indexed once the
 * server recovers, with nothing dead-lettered (the batch is retried, never dropped); a 404, a redirect, a host port
 * not on the allow-list and a body over the byte limit each become one dead letter with the fetch reason.
 */
@IntegrationTest
class EmbedderRemoteImagesIntegrationTest {
    /** More failing answers than one batch's tries (2), so the task must be restarted at least twice. */
    private static final int FAILURES_BEFORE_RECOVERY = 5;

    @TempDir
    Path stateDir;

    @Test
    void remoteImagesAreIndexedTransientFailuresWaitAndPermanentOnesAreDeadLettered() throws Exception {
        byte[] png = GalleryFixtures.png(GalleryFixtures.tile(1));
        AtomicInteger flakyCalls = new AtomicInteger();
        try (ImageServers servers = new ImageServers()) {
            servers.serve("/ok.png", 200, png)
                    .serve("/missing.png", 404, new byte[0])
                    .serve("/huge.png", 200, new byte[300_000])
                    .route("/moved.png", exchange -> {
                        exchange.getResponseHeaders().add("Location", servers.http("/ok.png").toString());
                        LoopbackServer.send(exchange, 302, new byte[0]);
                    })
                    .route("/flaky.png", exchange -> {
                        boolean down = flakyCalls.incrementAndGet() <= FAILURES_BEFORE_RECOVERY;
                        LoopbackServer.send(exchange, down ? 503 : 200, down ? new byte[0]
                                : GalleryFixtures.png(GalleryFixtures.tile(2)));
                    });
            servers.put("scenes/a.png", GalleryFixtures.png(GalleryFixtures.tile(3)));
            Map<String, String> settings = new HashMap<>(servers.settings());
            settings.put("remote.max-bytes", "200000");
            settings.put("remote.retry.max-attempts", "2");
            settings.put("remote.retry.initial-backoff-ms", "20");
            settings.put("remote.retry.max-backoff-ms", "50");
            String otherPort = servers.http("/ok.png").toString().replaceFirst(":(\\d+)/", ":1/");
            Map<String, String> uris = Map.of(
                    "http-ok", servers.http("/ok.png").toString(),
                    "s3-ok", servers.s3("scenes/a.png").toString(),
                    "flaky", servers.http("/flaky.png").toString(),
                    "missing", servers.http("/missing.png").toString(),
                    "moved", servers.http("/moved.png").toString(),
                    "huge", servers.http("/huge.png").toString(),
                    "other-port", otherPort);
            try (EmbedderHarness h = new EmbedderHarness(stateDir, settings);
                 EmbedderService service = h.start()) {
                long now = System.currentTimeMillis();
                uris.forEach((id, uri) -> h.send(id, GalleryFixtures.rawUriEvent(id, uri, now), now));
                h.flush();
                await("the three fetchable images indexed", () -> h.documentCount() == 3);
                for (String id : List.of("http-ok", "s3-ok", "flaky")) {
                    JsonNode doc = h.document(id);
                    assertThat(doc.path("_source").path("image_uri").asText()).as(id).isEqualTo(uris.get(id));
                }
                assertThat(flakyCalls.get()).isGreaterThan(FAILURES_BEFORE_RECOVERY);
                await("four dead letters", () -> h.readAll(h.topics().deadLetters()).size() >= 4);
                Map<String, String> reasons = h.readAll(h.topics().deadLetters()).stream().collect(Collectors.toMap(
                        r -> new String(r.key(), StandardCharsets.UTF_8), EmbedderHarness::reason));
                assertThat(reasons).containsOnlyKeys("missing", "moved", "huge", "other-port");
                assertThat(reasons.get("missing")).startsWith("not_found");
                assertThat(reasons.get("moved")).startsWith("redirected");
                assertThat(reasons.get("huge")).startsWith("too_large");
                assertThat(reasons.get("other-port")).startsWith("host_not_allowed");
                List<ConsumerRecord<byte[], byte[]>> letters = h.readAll(h.topics().deadLetters());
                assertThat(letters).hasSize(4);
                assertThat(service.streamState()).hasValueSatisfying(s -> assertThat(s.isRunningOrRebalancing()).isTrue());
            }
        }
    }
}
