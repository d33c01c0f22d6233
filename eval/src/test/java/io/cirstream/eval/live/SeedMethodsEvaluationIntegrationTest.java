package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.contract.topic.Topics;
import io.cirstream.eval.metric.MethodResult;
import io.cirstream.eval.metric.MetricNames;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.ingest.replay.ReplayOptions;
import io.cirstream.ingest.replay.ReplaySummary;
import io.cirstream.ingest.replay.Replayer;
import io.cirstream.model.ModelRuntime;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.query.app.QueryApiConfig;
import io.cirstream.query.app.QueryApiServer;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.tools.packs.PackGenerator;
import io.cirstream.tools.world.SyntheticWorld;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./cirstream eval --methods multi_token,composer,...} on the synthetic world with the synthetic-v2 pack, through
 * the real query API: the pixel-reading methods get the replayed reference files uploaded (a reference by id has only
 * its stored vector), every query is answered, and ANN recall near 100 says the API searched with the vector eval
 * composed from the same pixels. cvsi, which needs per-query descriptions no benchmark carries, is refused up front.
 */
@IntegrationTest
class SeedMethodsEvaluationIntegrationTest {
    private static final long SEED = 11;
    private static final int IMAGES = 300;
    private static final int QUERIES = 60;

    @TempDir
    Path dir;

    @Test
    void pixelReadingMethodsAreEvaluatedWithUploadedReferences() throws Exception {
        Path pack = SyntheticBench.pack(dir, PackGenerator.SYNTHETIC_V2);
        SyntheticWorld.generate(SEED, IMAGES, QUERIES, dir.resolve("world"));
        String alias = LocalInfra.uniqueName("eval-seed");
        Topics topics = new Topics(LocalInfra.uniqueName("eval-seed") + ".");
        KafkaConfig kafka = new KafkaConfig(LocalInfra.kafkaBootstrap(), 3, (short) 1);
        Settings settings = LocalInfra.settings(Map.of(OpenSearchConfig.INDEX_ALIAS.name(), alias,
                QueryApiConfig.PORT.name(), "0", QueryApiConfig.TOPIC_PREFIX.name(), topics.gallery().replace("gallery", "")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topics.vectors(), 1, (short) 1))).all().get();
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ReplaySummary replay = Replayer.run(ReplayOptions.of(Benchmark.SYNTHETIC, dir.resolve("world"), "val", kafka)
                .withTopics(topics), quiet);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(log, true, StandardCharsets.UTF_8);

        try (ModelRuntime runtime = SyntheticBench.runtime(pack);
             OpenSearchClient client = LocalInfra.openSearch()) {
            SyntheticBench bench = SyntheticBench.encode(runtime, SEED, IMAGES, QUERIES, dir.resolve("world"));
            String index = DirectIndex.create(client, runtime, alias, bench, "synthetic-val", replay.runId());
            try (QueryApiServer api = QueryApiServer.start(QueryApiConfig.from(settings), runtime)) {
                LiveEvalOptions options = LiveEvalOptions.of(Benchmark.SYNTHETIC, "val", pack, kafka,
                                OpenSearchConfig.from(settings))
                        .withMethods(List.of("sum", "pseudo_token", "multi_token", "composer"))
                        .withApi(URI.create("http://127.0.0.1:" + api.port()))
                        .withOutDir(dir.resolve("reports")).withTopics(topics);
                Map<String, MethodResult> methods = LiveEvaluation.run(options, runtime, quiet, err).report().methods();

                System.out.printf("synthetic-v2 eval, %d images, %d queries: %s%n", IMAGES, QUERIES,
                        methods.entrySet().stream().map(e -> e.getKey() + " R@10=" + e.getValue().metrics()
                                .get(MetricNames.recall(10)) + " ANN@10=" + e.getValue().systemMetrics()
                                .get(MetricNames.annRecall(10))).toList());
                for (String method : List.of("multi_token", "composer")) {
                    MethodResult result = methods.get(method);
                    assertThat(result.failedTotal()).as("%s failures; eval log:%n%s", method, log).isZero();
                    assertThat(result.systemMetrics().get(MetricNames.annRecall(10))).as(method).isGreaterThan(90.0);
                }
                assertThat(log.toString()).as("eval log").doesNotContain("differ from the exact similarity");

                assertThatThrownBy(() -> LiveEvaluation.run(options.withMethods(List.of("cvsi")), runtime, quiet, quiet))
                        .hasMessageContaining("description");
            } finally {
                client.send("DELETE", "/" + index, null);
            }
        }
    }
}
