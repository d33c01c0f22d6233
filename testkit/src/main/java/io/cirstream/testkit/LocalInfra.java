package io.cirstream.testkit;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.infra.LocalInfrastructure;
import io.cirstream.opensearch.OpenSearchClient;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Addresses of the shared local Kafka and OpenSearch that integration tests use. Ports follow the same
 * {@code CIRSTREAM_*} variables as {@code infra/infra.sh}, so a developer who moved them moves the tests too.
 */
public final class LocalInfra {
    private LocalInfra() {
    }

    public static int kafkaPort() {
        return Integer.parseInt(System.getenv().getOrDefault("CIRSTREAM_KAFKA_PORT", "9092"));
    }

    public static int openSearchPort() {
        return Integer.parseInt(System.getenv().getOrDefault("CIRSTREAM_OPENSEARCH_PORT", "9200"));
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort();
    }

    public static String openSearchUrl() {
        return "http://127.0.0.1:" + openSearchPort();
    }

    /** Settings pointing every service at the local infrastructure, with extra overrides on top. */
    public static Settings settings(Map<String, String> overrides) {
        return Settings.of(Map.of(KafkaConfig.BOOTSTRAP.name(), kafkaBootstrap(),
                OpenSearchConfig.URL.name(), openSearchUrl())).with(overrides);
    }

    public static OpenSearchClient openSearch() {
        return new OpenSearchClient(OpenSearchConfig.from(settings(Map.of())));
    }

    /**
     * A topic/index/group name no other test (or earlier run) uses; lower case so it is a valid index name. Topics
     * named after it are deleted when the test JVM exits ({@link TopicCleanup}).
     */
    public static String uniqueName(String prefix) {
        String name = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        TopicCleanup.remember(name);
        return name;
    }

    static InfraLease ensureUp() {
        Settings settings = settings(Map.of());
        return new InfraLease(LocalInfrastructure.ensureUp(KafkaConfig.from(settings), OpenSearchConfig.from(settings),
                System.err));
    }
}
