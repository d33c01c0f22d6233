package io.cirstream.contract.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    private static final ConfigKey<Integer> BATCH = ConfigKey.integer("embedder.batch-size", 32, 1, 1024, "batch");

    @Test
    void environmentBeatsFileBeatsDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "kafka:\n  bootstrap: filehost:9092\nembedder:\n  batch-size: 8\n");
        Settings fromFile = Settings.load(Optional.of(file), Map.of());
        assertThat(fromFile.get(KafkaConfig.BOOTSTRAP)).isEqualTo("filehost:9092");
        assertThat(fromFile.get(BATCH)).isEqualTo(8);
        assertThat(fromFile.get(KafkaConfig.PARTITIONS)).isEqualTo(3);

        Settings withEnv = Settings.load(Optional.of(file), Map.of("CIRSTREAM_EMBEDDER_BATCH_SIZE", "16"));
        assertThat(withEnv.get(BATCH)).isEqualTo(16);
    }

    @Test
    void propertiesFilesWorkToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "opensearch.index=my-gallery\n");
        assertThat(Settings.load(Optional.of(file), Map.of()).get(OpenSearchConfig.INDEX_ALIAS)).isEqualTo("my-gallery");
    }

    @Test
    void invalidValuesNameTheKeyAndTheVariable() {
        Settings settings = Settings.load(Optional.empty(), Map.of("CIRSTREAM_EMBEDDER_BATCH_SIZE", "0"));
        assertThatThrownBy(() -> settings.get(BATCH)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("embedder.batch-size").hasMessageContaining("CIRSTREAM_EMBEDDER_BATCH_SIZE")
                .hasMessageContaining("between 1 and 1024");
        Settings badHost = Settings.of(Map.of("kafka.bootstrap", "no-port"));
        assertThatThrownBy(() -> KafkaConfig.from(badHost)).hasMessageContaining("not host:port");
        Settings badUrl = Settings.of(Map.of("opensearch.url", "ftp://x"));
        assertThatThrownBy(() -> OpenSearchConfig.from(badUrl)).hasMessageContaining("http(s)");
    }

    @Test
    void aKeyGivenTwiceInAYamlFileIsAClearError(@TempDir Path dir) throws Exception {
        Path twoBlocks = Files.writeString(dir.resolve("blocks.yaml"),
                "kafka:\n  bootstrap: a:9092\nembedder:\n  batch-size: 8\nkafka:\n  partitions: 6\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(twoBlocks), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("blocks.yaml").hasMessageContaining("Duplicate field 'kafka'");
        Path twoSpellings = Files.writeString(dir.resolve("dotted.yaml"),
                "kafka.bootstrap: a:9092\nkafka:\n  bootstrap: b:9092\n");
        assertThatThrownBy(() -> Settings.load(Optional.of(twoSpellings), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("dotted.yaml sets kafka.bootstrap twice");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> Settings.load(Optional.of(Path.of("/nonexistent/c.yaml")), Map.of()))
                .hasMessageContaining("config file not found");
    }

    @Test
    void describeMasksSecrets() {
        Settings settings = Settings.of(Map.of("opensearch.password", "hunter2"));
        String text = settings.describe("test", List.copyOf(OpenSearchConfig.KEYS));
        assertThat(text).contains("opensearch.password").contains("****").doesNotContain("hunter2");
    }
}
