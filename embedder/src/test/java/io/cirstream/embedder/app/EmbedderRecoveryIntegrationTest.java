package io.cirstream.embedder.app;

import io.cirstream.contract.topic.TopicSetup;

import io.cirstream.embedder.stream.GalleryFixtures;
import io.cirstream.contract.vector.VectorEventCodec;
import io.cirstream.testkit.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.cirstream.embedder.app.EmbedderHarness.await;
import static io.cirstream.embedder.stream.GalleryFixtures.id;
import static io.cirstream.embedder.stream.GalleryFixtures.tileEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedder JVM is SIGKILLed while it works through a backlog, at a known point (see
 * {@link #killMidStreamThenRestart}): its open transaction is left hanging, not aborted, and its members do not leave
 * their groups. An instance on a fresh state dir (another machine) must still end with
 * exactly one committed vector and one document per image.
 */
@IntegrationTest
class EmbedderRecoveryIntegrationTest {
    /** Images whose vectors are all committed before the backlog grows. */
    private static final int COMMITTED_FIRST = 200;
    /** The backlog at the kill. */
    private static final int BEFORE = 800;
    /** The child's stream thread stalls on sending this vector (counted from its start). */
    private static final int STALL_AT = 400;
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

    /**
     * Kills an embedder JVM at a known point, sends more, restarts in this JVM with {@code restart} overrides. The
     * point: the first {@link #COMMITTED_FIRST} images' vectors are all committed, then the backlog grows to
     * {@link #BEFORE} and the child's stream thread stalls on the send of a vector from its {@link #STALL_AT}-th on
     * ({@link StallingInterceptor}), inside an open transaction the test sees on the broker. What is committed is
     * then frozen: the test reads it, kills the JVM, and checks it against the end state.
     */
    @SuppressWarnings("try") // the service only has to run (and be closed) while the body checks it
    private static void killMidStreamThenRestart(EmbedderHarness h, Map<String, String> restart) throws Exception {
        int total = BEFORE + WHILE_DOWN;
        EmbedderConfig config = EmbedderConfig.from(h.settings());
        TopicSetup.ensure(config.kafka(), config.topics());
        String vectors = h.topics().vectors();
        Path work = config.stateDir().resolveSibling("first");
        Path log = work.resolve("embedder.log");
        Path stalled = work.resolve("stalled");
        sendImages(h, 0, COMMITTED_FIRST);
        Process first = EmbedderProcess.launch(h, work, StallingInterceptor.settings(vectors, STALL_AT, stalled));
        List<ConsumerRecord<byte[], byte[]>> committedAtKill;
        long stalledAt;
        try {
            await("the first " + COMMITTED_FIRST + " vectors committed",
                    () -> h.readAll(vectors).size() >= COMMITTED_FIRST || !first.isAlive());
            assertThat(first.isAlive()).as("first embedder alive, see %s", log).isTrue();
            sendImages(h, COMMITTED_FIRST, BEFORE);
            await("the first embedder stalled from its vector " + STALL_AT + " on",
                    () -> Files.exists(stalled) || !first.isAlive());
            assertThat(first.isAlive()).as("first embedder alive, see %s", log).isTrue();
            await("the stalled embedder's transaction open on the broker", () -> !h.openTransactions().isEmpty());
            committedAtKill = h.readAll(vectors);
            stalledAt = Long.parseLong(Files.readString(stalled).split("\t")[0]);
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(1, TimeUnit.MINUTES)).as("killed embedder JVM gone").isTrue();
        }
        assertThat(committedAtKill).as("committed at the kill: all of the first batch, none from the stalled send on")
                .hasSizeBetween(COMMITTED_FIRST, (int) stalledAt - 2);
        sendImages(h, BEFORE, total);

        long started = System.nanoTime();
        try (EmbedderService second = h.start(restart)) {
            await("all images indexed after the restart", () -> h.documentCount() == total);
        }
        System.out.printf("restart %s: %d vectors committed at the kill, all %d images indexed %.1f s after the"
                        + " restart%n", restart.isEmpty() ? "in place" : "with " + restart.keySet(),
                committedAtKill.size(), total, (System.nanoTime() - started) / 1e9);

        assertThat(h.documentCount()).isEqualTo(total);
        List<ConsumerRecord<byte[], byte[]>> committed = h.readAll(vectors);
        assertThat(positions(committed)).as("what was committed before the kill is still there, where it was")
                .containsAll(positions(committedAtKill));
        VectorEventCodec codec = new VectorEventCodec();
        assertThat(committed).as("committed vectors, one per image")
                .extracting(r -> codec.decode(r.value()).id()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, total).mapToObj(GalleryFixtures::id).toList());
        assertThat(h.readAll(h.topics().deadLetters())).isEmpty();
    }

    /** partition/offset/key of each record: where a committed vector sits in the log. */
    private static List<String> positions(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.partition() + "/" + r.offset() + "/"
                + new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    private static void sendImages(EmbedderHarness h, int from, int to) {
        for (int i = from; i < to; i++) {
            h.send(id(i), tileEvent(i, 10 + i), 10 + i);
        }
        h.flush();
    }
}
