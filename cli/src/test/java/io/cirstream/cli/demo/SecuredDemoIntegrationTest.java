package io.cirstream.cli.demo;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.eval.live.BruteForceCheck;
import io.cirstream.eval.live.SyntheticBench;
import io.cirstream.model.ModelRuntime;
import io.cirstream.opensearch.OpenSearchClient;
import io.cirstream.testkit.IntegrationTest;
import io.cirstream.testkit.LocalInfra;
import io.cirstream.testkit.SecuredKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline through the local broker's SASL_SSL listener (SCRAM-SHA-512 over TLS, private CA) and nothing
 * else: the embedder (Kafka Streams and the in-process sink), the query API (publisher, watch feed, Kafka probe),
 * the replay and the live evaluation all get the brokers and the security settings only from {@code kafka.*}
 * settings, as against a managed Kafka. The report must agree with a brute-force computation over the same world.
 */
@IntegrationTest
class SecuredDemoIntegrationTest {
    private static final int IMAGES = 150;
    private static final int QUERIES = 40;

    @TempDir
    Path dir;

    @Test
    void embedderApiReplayAndEvalWorkThroughSaslSsl() throws Exception {
        String user = LocalInfra.uniqueName("demo-user");
        String password = UUID.randomUUID().toString();
        SecuredKafka.createUser(user, password);
        String alias = LocalInfra.uniqueName("sec-demo");
        Map<String, String> overrides = new HashMap<>(Map.of(OpenSearchConfig.INDEX_ALIAS.name(), alias,
                KafkaConfig.BOOTSTRAP.name(), "127.0.0.1:" + SecuredKafka.saslPort()));
        SecuredKafka.clientSettings(user, password).forEach((k, v) -> overrides.put(KafkaConfig.CLIENT_PREFIX + "." + k, v));
        Settings settings = LocalInfra.settings(overrides);
        DemoOptions options = DemoOptions.defaults(dir, settings).withWorld(IMAGES, QUERIES).withPort(0)
                .withRate(300).withExitAfterReport(true).withTopicPrefix(LocalInfra.uniqueName("sec-demo") + ".");
        try {
            Demo.DemoResult result = Demo.run(options, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
            try (ModelRuntime runtime = SyntheticBench.runtime(options.packDir())) {
                SyntheticBench bench = SyntheticBench.encode(runtime, options.seed(), IMAGES, QUERIES, options.worldDir());
                BruteForceCheck.assertMatches(result.evaluation().report(), bench);
            }
        } finally {
            try (OpenSearchClient client = LocalInfra.openSearch()) {
                client.call("GET", "/_alias/" + alias, null).fieldNames()
                        .forEachRemaining(index -> client.send("DELETE", "/" + index, null));
            }
        }
    }
}
