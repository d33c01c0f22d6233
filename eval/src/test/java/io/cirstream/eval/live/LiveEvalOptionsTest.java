package io.cirstream.eval.live;

import io.cirstream.contract.config.KafkaConfig;
import io.cirstream.contract.config.OpenSearchConfig;
import io.cirstream.contract.config.Settings;
import io.cirstream.ingest.replay.Benchmark;
import io.cirstream.model.composition.Method;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveEvalOptionsTest {
    private static final Settings SETTINGS = Settings.of(Map.of());

    private static LiveEvalOptions options() {
        return LiveEvalOptions.of(Benchmark.CIRR, "val", Path.of("models/synthetic"), KafkaConfig.from(SETTINGS),
                OpenSearchConfig.from(SETTINGS));
    }

    @Test
    void namesTheCollectionLikeTheReplayAndFillsDefaults() {
        LiveEvalOptions options = options();
        assertThat(options.collection()).isEqualTo("cirr-val");
        assertThat(options.parsedMethods()).containsExactly(Method.IMAGE, Method.TEXT, Method.SUM, Method.SLERP);
        assertThat(options.deepestAnnCutoff()).isEqualTo(50);
        assertThat(options.api()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void readsWhereTheServicesWriteFromTheirSettings() {
        LiveEvalOptions options = LiveEvalOptions.fromSettings(Benchmark.FASHIONIQ, "val", Settings.of(Map.of(
                "model.pack", "/packs/clip", "kafka.topic-prefix", "staging.", "opensearch.index", "g2")));
        assertThat(options.packDir()).isEqualTo(Path.of("/packs/clip"));
        assertThat(options.topics().benchmarkQueries(options.collection())).isEqualTo("staging.bench.fashioniq-val.queries");
        assertThat(options.openSearch().indexAlias()).isEqualTo("g2");
    }

    @Test
    void refusesUnknownAndRepeatedMethods() {
        assertThatThrownBy(() -> options().withMethods(List.of("sum", "mean")))
                .hasMessageContaining("unknown method 'mean'").hasMessageContaining("slerp");
        assertThatThrownBy(() -> options().withMethods(List.of("sum", "sum"))).hasMessageContaining("twice");
    }

    @Test
    void refusesAnApiOffThisMachine() {
        assertThatThrownBy(() -> options().withApi(URI.create("http://192.0.2.10:8080")))
                .hasMessageContaining("must point at this machine");
        assertThat(options().withApi(URI.create("http://localhost:9000")).api().getPort()).isEqualTo(9000);
    }

    @Test
    void refusesCutoffsTheApiCannotAnswer() {
        LiveEvalOptions base = options();
        assertThatThrownBy(() -> new LiveEvalOptions(base.benchmark(), "val", null, List.of(10, 500), null,
                base.outDir(), base.packDir(), 4, null, null, base.kafka(), base.openSearch(), null))
                .hasMessageContaining("1..200");
    }
}
