package io.cirstream.publisher;

import io.cirstream.contract.config.ConfigException;
import io.cirstream.contract.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestConfigTest {

    @Test
    void settingsBecomePublisherOptions() {
        Settings settings = Settings.of(Map.of("images.roots", " /data/a , /data/b,", "ingest.allowed-schemes",
                "S3", "ingest.max-pixels", "1000", "ingest.verify-decode", "no", "ingest.rate", "25"));

        PublisherOptions options = IngestConfig.publisherOptions(settings, "gallery");

        assertThat(options.allowedRoots()).containsExactly(Path.of("/data/a"), Path.of("/data/b"));
        assertThat(options.allowedSchemes()).containsExactly("s3");
        assertThat(options.limits().maxPixels()).isEqualTo(1000);
        assertThat(options.verifyDecode()).isFalse();
        assertThat(options.ratePerSecond()).isEqualTo(25);
        assertThat(options.topic()).isEqualTo("gallery");
    }

    @Test
    void inlineLimitAboveTheSchemaCeilingIsAConfigError() {
        Settings settings = Settings.of(Map.of("ingest.inline-limit", "999999999"));

        assertThatThrownBy(() -> IngestConfig.publisherOptions(settings, "gallery"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.inline-limit");
    }
}
