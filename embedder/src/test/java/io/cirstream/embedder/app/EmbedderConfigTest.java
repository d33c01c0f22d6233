package io.cirstream.embedder.app;

import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbedderConfigTest {

    @Test
    void readsTypedValuesWithTheEnvironmentWinning() {
        Settings settings = Settings.load(Optional.empty(), Map.of("CIRSTREAM_EMBEDDER_BATCH_SIZE", "8"))
                .with(Map.of("model.pack", "/packs/p", "embedder.batch-size", "64", "embedder.linger-ms", "250",
                        "images.roots", "/a, /b", "kafka.topic-prefix", "t1."));

        EmbedderConfig config = EmbedderConfig.from(settings);

        assertThat(config.pack()).isEqualTo(Path.of("/packs/p"));
        assertThat(config.batch().size()).isEqualTo(8);
        assertThat(config.runtime().batchSize()).isEqualTo(8);
        assertThat(config.batch().linger()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.imageRoots()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(config.topics().vectors()).isEqualTo("t1.vectors");
        assertThat(config.indexer().forIndex("idx").groupId()).isEqualTo("cirstream-indexer.idx");
    }

    @Test
    void sharesTheModelPackKeyWithTheQueryApiAndNamesItWhenInvalid() {
        assertThat(EmbedderConfig.from(Settings.of(Map.of())).pack()).isEqualTo(Path.of("models/synthetic"));
        assertThatThrownBy(() -> EmbedderConfig.from(Settings.of(Map.of("embedder.batch-size", "0"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("embedder.batch-size").hasMessageContaining("CIRSTREAM_EMBEDDER_BATCH_SIZE");
    }

    @Test
    void listsEveryKeyOnceIncludingKafkaAndOpenSearch() {
        assertThat(EmbedderConfig.KEYS).extracting(k -> k.name())
                .doesNotHaveDuplicates()
                .contains("kafka.bootstrap", "opensearch.index", "model.pack", "embedder.index.refresh-interval",
                        "embedder.transaction-timeout-ms");
    }
}
