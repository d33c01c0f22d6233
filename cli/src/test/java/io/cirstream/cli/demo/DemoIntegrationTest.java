package io.cirstream.cli.demo;

import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.model.ModelRuntime;
import io.cirstream.eval.live.BruteForceCheck;
import io.cirstream.eval.live.SyntheticBench;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo, non-interactively, on a small world: real Kafka, OpenSearch, embedder, query API and ONNX Runtime.
 * Its report must agree with an independent brute-force computation over the same world.
 */
@IntegrationTest
class DemoIntegrationTest {
    private static final int IMAGES = 600;
    private static final int QUERIES = 150;

    @TempDir
    Path dir;

    private static List<String> topicsOf(String run) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfra.kafkaBootstrap()))) {
            return admin.listTopics().names().get().stream().filter(t -> t.startsWith(run)).toList();
        }
    }

    @Test
    void demoReportAgreesWithBruteForceOverTheSameWorldAndCleansUpItsTopics() throws Exception {
        String alias = LocalInfra.uniqueName("demo-it");
        Settings settings = LocalInfra.settings(Map.of(OpenSearchConfig.INDEX_ALIAS.name(), alias));
        DemoOptions options = DemoOptions.defaults(dir, settings).withWorld(IMAGES, QUERIES).withPort(0)
                .withRate(300).withExitAfterReport(true).withTopicPrefix(LocalInfra.uniqueName("demo-it") + ".");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Demo.DemoResult result = Demo.run(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()));

            assertThat(result.stages()).containsKeys("infra", "pack", "world", "services", "replay", "index wait", "eval");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("not CLIP").contains("docs/model-packs.md")
                    .contains("wall");
            try (ModelRuntime runtime = SyntheticBench.runtime(options.packDir())) {
                SyntheticBench bench = SyntheticBench.encode(runtime, options.seed(), IMAGES, QUERIES, options.worldDir());
                BruteForceCheck.assertMatches(result.evaluation().report(), bench);
            }
            assertThat(topicsOf(options.runName())).as("topics the run left behind").isEmpty();
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.call("GET", "/_alias/" + alias, null).fieldNames()
                        .forEachRemaining(index -> client.send("DELETE", "/" + index, null));
            }
        }
    }
}
