package io.cirstream.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkProtocolTest {

    @Test
    void protocolsKnowTheirPublishedCutoffs() {
        assertThat(BenchmarkProtocol.CIRR.metricNames())
                .containsExactly("R@1", "R@5", "R@10", "R@50", "Rsubset@1", "Rsubset@2", "Rsubset@3");
        assertThat(BenchmarkProtocol.PATTERNCIR.chartMetrics()).containsExactly("R@1", "R@5", "R@10", "R@20", "R@50");
        assertThat(BenchmarkProtocol.CIRCO.chartMetrics()).containsExactly("mAP@5", "mAP@10", "mAP@25", "mAP@50");
        assertThat(BenchmarkProtocol.PATTERNCOM.metricNames()).startsWith("mAP", "P@5").endsWith("R@20");
        assertThat(BenchmarkProtocol.SYNTHETIC.metricNames()).isEqualTo(BenchmarkProtocol.CIRR.metricNames());
    }

    @Test
    void referenceExclusionFollowsTheBenchmark() {
        assertThat(BenchmarkProtocol.CIRR.excludesReference()).isTrue();
        assertThat(BenchmarkProtocol.FASHIONIQ.excludesReference()).isFalse();
        assertThat(BenchmarkProtocol.FASHIONIQ.averagesOverCategories()).isTrue();
    }

    @Test
    void cutOffsBelowOneAreRejected() {
        assertThatThrownBy(() -> Cutoffs.none().withRecall(1, 0)).hasMessageContaining("got 0");
    }

    @Test
    void requiredDepthLeavesRoomForTheReference() {
        assertThat(BenchmarkProtocol.CIRR.requiredDepth(2297)).isEqualTo(51);
        assertThat(BenchmarkProtocol.FASHIONIQ.requiredDepth(3817)).isEqualTo(50);
        assertThat(BenchmarkProtocol.CIRCO.requiredDepth(30)).isEqualTo(30);
        assertThat(BenchmarkProtocol.PATTERNCOM.requiredDepth(30400)).isEqualTo(30400);
    }
}
