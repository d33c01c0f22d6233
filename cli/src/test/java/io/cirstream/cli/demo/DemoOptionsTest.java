package io.cirstream.cli.demo;

import io.cirstream.contract.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoOptionsTest {
    private static final DemoOptions DEFAULTS = DemoOptions.defaults(Path.of("/tmp/demo"), Settings.of(Map.of()));

    @Test
    void everyRunGetsItsOwnTopicPrefixUnlessOneIsGiven() throws InterruptedException {
        Thread.sleep(2);
        DemoOptions later = DemoOptions.defaults(Path.of("/tmp/demo"), Settings.of(Map.of()));
        assertThat(later.topicPrefix()).startsWith("demo-").endsWith(".").isNotEqualTo(DEFAULTS.topicPrefix());
        assertThat(DEFAULTS.withTopicPrefix("it-1.").topicPrefix()).isEqualTo("it-1.");
        assertThat(DEFAULTS.withTopicPrefix("it-1.").runName()).isEqualTo("it-1");
    }

    @Test
    void keepsTheWorldOfEachSeedAndSizeApart() {
        assertThat(DEFAULTS.worldDir()).isNotEqualTo(DEFAULTS.withWorld(600, 150).worldDir());
        assertThat(DEFAULTS.worldDir()).startsWithRaw(DEFAULTS.workDir());
        assertThat(DEFAULTS.packDir()).isEqualTo(Path.of("/tmp/demo/models/synthetic"));
    }

    @Test
    void refusesAWorldTooSmallOrNoRate() {
        assertThatThrownBy(() -> DEFAULTS.withWorld(5, 10)).hasMessageContaining("at least 10 images");
        assertThatThrownBy(() -> DEFAULTS.withRate(0)).hasMessageContaining("rate must be > 0");
    }
}
