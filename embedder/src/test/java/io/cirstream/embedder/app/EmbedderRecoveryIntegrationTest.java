package io.cirstream.embedder.app;

import io.cirstream.embedder.stream.VectorEventCodec;
import io.cirstream.testkit.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedder JVM is SIGKILLed while it works through a backlog: its open transaction is left hanging, not aborted,
 * and its members do not leave their groups. An instance on a fresh state dir (another machine) must still end with
 * exactly one committed vector and one document per image.
 */
@IntegrationTest
class EmbedderRecoveryIntegrationTest {
    private static final int BEFORE = 800;
    private static final int WHILE_DOWN = 400;

    @TempDir
    Path dir;

    @Test
    void anEmbedderKilledMidStreamAndRestartedLosesAndDuplicatesNothing() throws Exception {
        // The killed instance's open transaction blocks its partitions until the broker aborts it, after this timeout.
        Map<String, String> settings = Map.of(EmbedderConfig.BATCH_SIZE.name(), "8",
                EmbedderConfig.TRANSACTION_TIMEOUT_MS.name(), "10000");
        try (EmbedderHarness h = new EmbedderHarness(dir.resolve("state-first"), settings)) {
            killMidStreamThenRestart(h, Map.of(EmbedderConfig.STATE_DIR.name(), dir.resolve("state-second").toString()));
        }
    }

    /**
     * Restarted in place (same state dir, as a service manager restarts it), the embedder keeps its process id and
     * so its transactional ids: it fences the killed instance's open transaction at once. The transaction timeout
     * is ten minutes here, so the partitions would stay blocked far beyond the two minutes {@code await} allows
     * if the restart had to wait for the broker to abort it.
     */
    @Test
    void anEmbedderRestartedInPlaceFencesItsKilledPredecessorAtOnce() throws Exception {
        Map<String, String> settings = Map.of(EmbedderConfig.BATCH_SIZE.name(), "8",
                EmbedderConfig.TRANSACTION_TIMEOUT_MS.name(), "600000");
        try (EmbedderHarness h = new EmbedderHarness(dir.resolve("state"), settings)) {
            killMidStreamThenRestart(h, Map.of());
        }
    }

    /**
     * With static membership ({@code embedder.instance-id}) the instance restarted in place also takes its group
     * memberships back at once. The session timeout is three minutes here: with dynamic membership the new members'
     * rebalance would wait for the killed members' sessions to expire, beyond the two minutes {@code await} allows.
     */
    @Test
    void aStaticMemberRestartedInPlaceDoesNotWaitForItsOldSession() throws Exception {
        Map<String, String> settings = Map.of(EmbedderConfig.BATCH_SIZE.name(), "8",
                EmbedderConfig.TRANSACTION_TIMEOUT_MS.name(), "600000",
                EmbedderConfig.SESSION_TIMEOUT_MS.name(), "180000",
                EmbedderConfig.INSTANCE_ID.name(), "embedder-a");
        try (EmbedderHarness h = new EmbedderHarness(dir.resolve("state"), settings)) {
            killMidStreamThenRestart(h, Map.of());
        }
    }

    /** Kills an embedder JVM mid-stream, sends more, restarts in this JVM with {@code restart} overrides. */
    private static void killMidStreamThenRestart(EmbedderHarness h, Map<String, String> restart) throws Exception {
        int total = BEFORE + WHILE_DOWN;
        EmbedderConfig config = EmbedderConfig.from(h.settings());
        TopicSetup.ensure(config.kafka(), config.topics());
        sendImages(h, 0, BEFORE);
        Path log = config.stateDir().resolveSibling("first");
        Process first = EmbedderProcess.launch(h, log);
        try {
            await("the first embedder indexing", () -> h.documentCount() > 0 || !first.isAlive());
            assertThat(first.isAlive()).as("first embedder alive, see %s", log).isTrue();
        } finally {
            first.destroyForcibly().waitFor();
        }
        long committedAtKill = h.readAll(h.topics().vectors()).size();
        sendImages(h, BEFORE, total);

        long started = System.nanoTime();
        try (EmbedderService second = h.start(restart)) {
            await("all images indexed after the restart", () -> h.documentCount() == total);
        }
        System.out.printf("restart %s: all %d images indexed %.1f s after the restart%n",
                restart.isEmpty() ? "in place" : "with " + restart.keySet(), total, (System.nanoTime() - started) / 1e9);

        assertThat(committedAtKill).as("killed mid-stream").isBetween(1L, BEFORE - 1L);
        assertThat(h.documentCount()).isEqualTo(total);
        VectorEventCodec codec = new VectorEventCodec();
        assertThat(h.readAll(h.topics().vectors())).as("committed vectors, one per image")
                .extracting(r -> codec.decode(r.value()).id()).doesNotHaveDuplicates().hasSize(total);
        assertThat(h.readAll(h.topics().deadLetters())).isEmpty();
    }

    private static void sendImages(EmbedderHarness h, int from, int to) {
        for (int i = from; i < to; i++) {
            h.send(id(i), tileEvent(i, 10 + i), 10 + i);
        }
        h.flush();
    }
}
