package io.cirstream.contract.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaConfigTest {

    @Test
    void clientSettingsPassThroughFromFileAndEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                kafka:
                  bootstrap: broker-1:9093
                  client:
                    security.protocol: SASL_SSL
                    sasl:
                      mechanism: SCRAM-SHA-512
                    ssl.truststore.location: /etc/kafka/ca.p12
                """);
        Settings settings = Settings.load(Optional.of(file), Map.of(
                "CIRSTREAM_KAFKA_CLIENT_SASL_JAAS_CONFIG", "ScramLoginModule required password=\"s3cret\";",
                "CIRSTREAM_KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-256"));

        KafkaConfig kafka = KafkaConfig.from(settings);

        assertThat(kafka.client()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-256"),
                Map.entry("ssl.truststore.location", "/etc/kafka/ca.p12"),
                Map.entry("sasl.jaas.config", "ScramLoginModule required password=\"s3cret\";"));
    }

    @Test
    void aClientsOwnSettingsWinOverPassThrough() {
        KafkaConfig kafka = new KafkaConfig("h:9092", 1, (short) 1,
                Map.of("isolation.level", "read_uncommitted", "security.protocol", "SSL"));

        Map<String, Object> config = kafka.clientConfig(Map.of("isolation.level", "read_committed"));

        assertThat(config).containsEntry("bootstrap.servers", "h:9092").containsEntry("security.protocol", "SSL")
                .containsEntry("isolation.level", "read_committed");
    }

    @Test
    void secretsAreMaskedWhenPrinted() {
        KafkaConfig kafka = new KafkaConfig("h:9092", 1, (short) 1, Map.of("sasl.jaas.config", "x password=\"p\";",
                "ssl.keystore.password", "p", "ssl.key.password", "p", "security.protocol", "SASL_SSL"));

        assertThat(kafka.describeClient()).containsEntry("sasl.jaas.config", "****")
                .containsEntry("ssl.keystore.password", "****").containsEntry("ssl.key.password", "****")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(kafka.describeClient().toString()).doesNotContain("password=\"p\"");
    }

    @Test
    void printedConfigurationShowsPassThroughSettingsWithSecretsMasked() {
        Settings settings = Settings.load(Optional.empty(), Map.of(
                "CIRSTREAM_KAFKA_CLIENT_SASL_JAAS_CONFIG", "ScramLoginModule required password=\"s3cret\";",
                "CIRSTREAM_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL"));

        String printed = settings.describe("embedder", KafkaConfig.KEYS);

        assertThat(printed).contains("kafka.client.security.protocol").contains("SASL_SSL")
                .contains("kafka.client.sasl.jaas.config").doesNotContain("s3cret");
    }

    @Test
    void bootstrapIsNotAPassThroughSetting() {
        Settings settings = Settings.of(Map.of("kafka.client.bootstrap.servers", "elsewhere:9092"));
        assertThatThrownBy(() -> KafkaConfig.from(settings)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.bootstrap");
    }

    @Test
    void minInsyncReplicasIsReadAndCannotExceedTheReplication() {
        KafkaConfig kafka = KafkaConfig.from(Settings.of(Map.of("kafka.replication", "3", "kafka.min-insync-replicas", "2")));
        assertThat(kafka.replicationFactor()).isEqualTo((short) 3);
        assertThat(kafka.minInsyncReplicas()).isEqualTo(2);
        assertThat(KafkaConfig.from(Settings.of(Map.of())).minInsyncReplicas()).as("broker default").isZero();
        assertThatThrownBy(() -> KafkaConfig.from(Settings.of(Map.of("kafka.min-insync-replicas", "2"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.min-insync-replicas");
    }
}
