package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.contract.topic.Topics;
import io.cirstream.model.ModelRuntime;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.ReplaySummary;
import io.cirstream.ingest.replay.Replayer;
import io.cirstream.tools.world.SyntheticWorld;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation runner end to end on real Kafka, OpenSearch, ONNX Runtime and the real query API: a synthetic
 * benchmark is replayed, its vectors indexed, and the live numbers checked against an independent brute-force
 * computation.
 */
@IntegrationTest
class LiveEvaluationIntegrationTest {
    private static final long SEED = 11;
    private static final int IMAGES = 600;
    private static final int QUERIES = 150;

    @TempDir
    Path dir;

    @Test
    void liveRecallMatchesBruteForceAndComposedMethodsBeatSingleModalitiesAndRepeats() throws Exception {
        Path pack = SyntheticBench.syntheticPack(dir);
        SyntheticWorld.generate(SEED, IMAGES, QUERIES, dir.resolve("world"));
        String alias = LocalInfra.uniqueName("eval-it");
        Topics topics = new Topics(LocalInfra.uniqueName("eval-it") + ".");
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 3, (short) 1);
        Settings settings = LocalInfra.settings(Map.of(OpenSearchConfig.INDEX_ALIAS.name(), alias,
                QueryApiConfig.PORT.name(), "0", QueryApiConfig.TOPIC_PREFIX.name(), topics.gallery().replace("gallery", "")));
        createVectorsTopic(topics);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ByteArrayOutputStream replayLog = new ByteArrayOutputStream();
        ReplaySummary replay = Replayer.run(ReplayOptions.of(Benchmark.SYNTHETIC, dir.resolve("world"), "val", kafka)
                .withTopics(topics), new PrintStream(replayLog, true, StandardCharsets.UTF_8));
        assertThat(replay.receipt().queryCount()).as("replay output:%n%s", replayLog).isEqualTo(QUERIES);

        try (ModelRuntime runtime = SyntheticBench.runtime(pack);
             OpenSearchClient client = LocalInfra.openSearch()) {
            SyntheticBench bench = SyntheticBench.encode(runtime, SEED, IMAGES, QUERIES, dir.resolve("world"));
            String index = DirectIndex.create(client, runtime, alias, bench, "synthetic-val", replay.runId());
            try (QueryApiServer api = QueryApiServer.start(QueryApiConfig.from(settings), runtime)) {
                LiveEvalOptions options = LiveEvalOptions.of(Benchmark.SYNTHETIC, "val", pack, kafka,
                                OpenSearchConfig.from(settings))
                        .withMethods(List.of("image", "text", "sum", "slerp", "weicom"))
                        .withApi(URI.create("http://127.0.0.1:" + api.port()))
                        .withOutDir(dir.resolve("reports")).withTopics(topics);
                LiveEvalResult result = LiveEvaluation.run(options, runtime, quiet, quiet);
                BruteForceCheck.assertMatches(result.report(), bench);
                assertThat(Files.readString(result.files().markdown())).contains("not CLIP");
                assertThat(result.report().runId()).isNotBlank();
                assertThat(result.report().replayRun()).isEqualTo(replay.runId());
                assertThat(result.files().json().getFileName().toString()).contains(result.report().runId());
                assertThat(Files.readAllLines(result.files().rankings())).hasSize(5 * QUERIES)
                        .allMatch(line -> line.contains("\"ranked_ids\""));
                assertThat(result.files().json().resolveSibling(result.files().json().getFileName().toString()
                        .replace(result.report().runId(), "latest"))).isRegularFile();

                LiveEvalResult again = LiveEvaluation.run(options.withOutDir(dir.resolve("again")), runtime, quiet, quiet);
                result.report().methods().forEach((method, first) -> assertThat(again.report().methods().get(method)
                        .metrics()).as("%s on a second run", method).isEqualTo(first.metrics()));
            } finally {
                client.send("DELETE", "/" + index, null);
            }
        }
    }

    private static void createVectorsTopic(Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topics.vectors(), 1, (short) 1))).all().get();
        }
    }
}
