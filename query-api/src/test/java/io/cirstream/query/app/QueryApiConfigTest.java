package io.cirstream.query.app;

import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryApiConfigTest {

    @Test
    void safeDefaults() {
        QueryApiConfig config = QueryApiConfig.from(Settings.of(Map.of()));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.urlFetch().enabled()).isFalse();
        assertThat(config.apiKey()).isEmpty();
        assertThat(config.corsOrigins()).isEmpty();
        assertThat(config.imageRoots()).isEmpty();
        assertThat(config.inferenceThreads()).isPositive();
    }

    @Test
    void listsAndEnvironmentOverrides() {
        Settings settings = Settings.load(Optional.empty(), Map.of("CIRSTREAM_QUERY_URL_FETCH_ALLOWED_HOSTS", "a.example, B.example",
                "CIRSTREAM_IMAGES_ROOTS", "/data/a,/data/b", "CIRSTREAM_QUERY_WATCH_THRESHOLD", "0.55"));
        QueryApiConfig config = QueryApiConfig.from(settings);
        assertThat(config.urlFetch().allowedHosts()).containsExactlyInAnyOrder("a.example", "b.example");
        assertThat(config.imageRoots()).containsExactly(Path.of("/data/a"), Path.of("/data/b"));
        assertThat(config.watchThreshold()).isEqualTo(0.55);
    }

    @Test
    void badValuesFailAtStartNamingTheKey() {
        assertThatThrownBy(() -> QueryApiConfig.from(Settings.of(Map.of("query.watch.threshold", "1.5"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("query.watch.threshold");
        assertThatThrownBy(() -> QueryApiConfig.from(Settings.of(Map.of("query.port", "70000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("query.port");
    }

    @Test
    void secretsAreMaskedWhenPrinted() {
        String printed = Settings.of(Map.of("query.api-key", "hunter2")).describe("query-api", QueryApiConfig.KEYS);
        assertThat(printed).contains("query.api-key").doesNotContain("hunter2");
        assertThat(QueryApiConfig.KEYS.stream().map(k -> k.name()).distinct().count()).isEqualTo(QueryApiConfig.KEYS.size());
    }
}
