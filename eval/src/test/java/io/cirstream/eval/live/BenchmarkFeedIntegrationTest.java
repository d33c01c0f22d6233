package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.topic.Topics;
import io.cirstream.contract.event.ReplayReceipt;
import io.cirstream.contract.event.BenchmarkQuery;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.ReplaySummary;
import io.cirstream.ingest.replay.Replayer;
import io.cirstream.tools.world.SyntheticQuery;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class BenchmarkFeedIntegrationTest {
    private static final KafkaConfig KAFKA = new KafkaConfig(LocalInfra.kafkaBootstrap(), 3, (short) 1);
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path world;

    @Test
    void readsBackTheReceiptAndEveryQueryOfAReplay() {
        SyntheticWorld.generate(7, 40, 25, world);
        Topics topics = new Topics(LocalInfra.uniqueName("feed-it") + ".");
        Replayer.run(ReplayOptions.of(Benchmark.SYNTHETIC, world, "val", KAFKA).withTopics(topics), QUIET);

        BenchmarkFeed feed = new BenchmarkFeed(KAFKA, topics, "synthetic-val");
        BenchmarkFeed.Replayed replayed = feed.awaitReceipt(Duration.ofSeconds(30), QUIET);
        ReplayReceipt receipt = replayed.receipt();
        List<BenchmarkQuery> queries = feed.queries(replayed);

        assertThat(receipt.galleryCount()).isEqualTo(40);
        assertThat(receipt.collection()).isEqualTo("synthetic-val");
        List<SyntheticQuery> expected = SyntheticWorld.queries(7, 40, 25);
        assertThat(queries).hasSize(expected.size());
        assertThat(queries).extracting(BenchmarkQuery::queryId).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(q -> Integer.toString(q.pairId())).toList());
        BenchmarkQuery first = queries.stream().filter(q -> q.queryId().equals("0")).findFirst().orElseThrow();
        assertThat(first.texts()).containsExactly(expected.getFirst().caption());
        assertThat(first.subsetMembers()).hasSize(expected.getFirst().members().size());
    }

    /**
     * Issue 13 item 4: a replay with --limit after a full one leaves the full replay's queries on the topic; eval
     * scored all of them. Now it scores exactly the queries of the replay whose receipt it read.
     */
    @Test
    void readsOnlyTheQueriesOfTheLatestReplayNotThoseOfAnEarlierFullOne() {
        SyntheticWorld.generate(9, 40, 30, world);
        Topics topics = new Topics(LocalInfra.uniqueName("feed-stale") + ".");
        ReplayOptions full = ReplayOptions.of(Benchmark.SYNTHETIC, world, "val", KAFKA).withTopics(topics);
        Replayer.run(full, QUIET);
        ReplaySummary limited = Replayer.run(full.withLimit(12), QUIET);
        assertThat(limited.receipt().queryCount()).isLessThan(30);

        BenchmarkFeed feed = new BenchmarkFeed(KAFKA, topics, "synthetic-val");
        BenchmarkFeed.Replayed replayed = feed.awaitReceipt(Duration.ofSeconds(30), QUIET);
        List<BenchmarkQuery> queries = feed.queries(replayed);

        assertThat(replayed.runId()).contains(limited.runId());
        assertThat(replayed.receipt().galleryCount()).isEqualTo(12);
        assertThat(queries).hasSize((int) limited.receipt().queryCount());
    }

    @Test
    void givesUpOnAMissingReceiptNamingTheTopic() {
        Topics topics = new Topics(LocalInfra.uniqueName("feed-none") + ".");
        BenchmarkFeed feed = new BenchmarkFeed(KAFKA, topics, "cirr-val");
        assertThatThrownBy(() -> feed.awaitReceipt(Duration.ofSeconds(1), QUIET))
                .hasMessageContaining(topics.benchmarkReceipt("cirr-val"))
                .hasMessageContaining("replay the benchmark first");
    }
}
