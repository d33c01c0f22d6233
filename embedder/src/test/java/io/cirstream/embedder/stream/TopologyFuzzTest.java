package io.cirstream.embedder.stream;

import io.cirstream.model.ModelRuntime;
import io.cirstream.contract.event.DeadLetter;
import io.cirstream.imaging.ImageDecoder;
import io.cirstream.imaging.ImageLimits;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzz test of issue 12: thousands of hostile gallery records ({@link HostileGallery}) interleaved with good
 * ones go through the whole topology. Nothing may throw out of it; every input comes out as exactly one record (a
 * vector, a tombstone or a dead letter); every good image gets its vector; every output timestamp lies in [0, now].
 * Fixed seeds keep it reproducible; a time budget keeps it bounded (the count tried is printed).
 */
class TopologyFuzzTest {
    private static final long[] SEEDS = {12, 1_2024, 77_777};
    private static final int CASES_PER_SEED = 1000;
    private static final Duration BUDGET_PER_SEED = Duration.ofSeconds(12);
    private static final ImageLimits LIMITS = new ImageLimits(256 * 1024, 64 * 64);
    private static final ModelRuntime RUNTIME = GalleryFixtures.synthetic();

    @TempDir
    Path dir;

    @Test
    void noRecordStopsTheTopologyAndEveryRecordComesOutOnce() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (long seed : SEEDS) {
            tried += run(seed, outcomes, problems);
        }
        System.out.printf("topology fuzz: %d cases over seeds %s; outcomes by kind: %s; problems: %d%n", tried,
                java.util.Arrays.toString(SEEDS), outcomes, problems.size());
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        assertThat(problems).isEmpty();
    }

    private int run(long seed, Map<String, Integer> outcomes, List<String> problems) throws Exception {
        Path root = Files.createDirectory(dir.resolve("seed-" + seed));
        HostileGallery gallery = new HostileGallery(seed, root, TopologyHarness.NOW);
        ImageLoader loader = TopologyHarness.loader(root, LIMITS, ImageDecoder::decode);
        List<HostileGallery.Case> cases = new ArrayList<>();
        try (TopologyHarness topology = new TopologyHarness(loader, RUNTIME.images(), RUNTIME.packId(),
                new BatchPolicy(8, Duration.ofSeconds(1)))) {
            long deadline = System.nanoTime() + BUDGET_PER_SEED.toNanos();
            while (cases.size() < CASES_PER_SEED && System.nanoTime() < deadline) {
                HostileGallery.Case c = gallery.next();
                cases.add(c);
                try {
                    topology.gallery.pipeInput(c.key(), c.value(), c.timestamp());
                } catch (RuntimeException | Error e) {
                    problems.add("seed " + seed + " case " + (cases.size() - 1) + " (" + c.kind() + ") threw " + e);
                    return cases.size();
                }
            }
            topology.driver.advanceWallClockTime(Duration.ofSeconds(2));
            long now = TopologyHarness.NOW + Duration.ofSeconds(2).toMillis();
            check(seed, cases, topology.vectors.readRecordsToList(), topology.deadLetters.readRecordsToList(), now,
                    outcomes, problems);
        }
        return cases.size();
    }

    private static void check(long seed, List<HostileGallery.Case> cases, List<TestRecord<byte[], byte[]>> vectors,
                              List<TestRecord<byte[], byte[]>> letters, long now, Map<String, Integer> outcomes,
                              List<String> problems) {
        Map<Bytes, String> outcomeByKey = new HashMap<>();
        Map<Bytes, Integer> outputsByKey = new HashMap<>();
        int nullKeyLetters = 0;
        for (TestRecord<byte[], byte[]> r : vectors) {
            count(outputsByKey, outcomeByKey, r.key(), r.value() == null ? "tombstone" : "vector");
            checkTimestamp(seed, r, now, problems);
        }
        for (TestRecord<byte[], byte[]> r : letters) {
            if (r.key() == null) {
                nullKeyLetters++;
            } else {
                count(outputsByKey, outcomeByKey, r.key(), "dlq:" + DeadLetter.stage(r.headers()).orElse("?"));
            }
            checkTimestamp(seed, r, now, problems);
        }
        int nullKeyInputs = 0;
        for (HostileGallery.Case c : cases) {
            if (c.key() == null) {
                nullKeyInputs++;
                outcomes.merge(c.kind() + "->dlq", 1, Integer::sum);
                continue;
            }
            Bytes key = Bytes.wrap(c.key());
            int outputs = outputsByKey.getOrDefault(key, 0);
            String outcome = outcomeByKey.getOrDefault(key, "nothing");
            outcomes.merge(c.kind() + "->" + outcome, 1, Integer::sum);
            if (outputs != 1) {
                problems.add("seed " + seed + " " + c.kind() + " came out " + outputs + " times");
            } else if (c.good() && !outcome.equals("vector")) {
                problems.add("seed " + seed + " good " + c.kind() + " ended as " + outcome);
            }
        }
        if (nullKeyInputs != nullKeyLetters) {
            problems.add("seed " + seed + ": " + nullKeyInputs + " null-key inputs, " + nullKeyLetters + " letters");
        }
        if (vectors.size() + letters.size() != cases.size()) {
            problems.add("seed " + seed + ": " + cases.size() + " inputs, " + (vectors.size() + letters.size())
                    + " outputs");
        }
    }

    private static void count(Map<Bytes, Integer> outputs, Map<Bytes, String> outcomes, byte[] key, String outcome) {
        outputs.merge(Bytes.wrap(key), 1, Integer::sum);
        outcomes.put(Bytes.wrap(key), outcome);
    }

    private static void checkTimestamp(long seed, TestRecord<byte[], byte[]> r, long now, List<String> problems) {
        if (r.timestamp() < 0 || r.timestamp() > now) {
            problems.add("seed " + seed + ": output timestamp " + r.timestamp() + " outside [0, " + now + "]");
        }
    }
}
