package io.cirstream.eval.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cirstream.eval.metric.BenchmarkProtocol;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublishedAnchorsTest {

    private final PublishedAnchors anchors = PublishedAnchors.bundled();

    private PublishedAnchor find(BenchmarkProtocol benchmark, String method, String backbone) {
        return anchors.forBenchmark(benchmark).stream()
                .filter(a -> a.method().equals(method) && a.backbone().equals(backbone))
                .findFirst().orElseThrow();
    }

    @Test
    void bundledAnchorsCarryTheDocumentedNumbers() {
        PublishedAnchor searle = find(BenchmarkProtocol.CIRR, "SEARLE", "CLIP ViT-B/32");
        assertThat(searle.split()).isEqualTo("test1");
        assertThat(searle.metrics()).containsEntry("R@1", 24.00).containsEntry("Rsubset@3", 88.19);
        assertThat(searle.label()).isEqualTo("published: SEARLE (CLIP ViT-B/32, test1)");

        assertThat(find(BenchmarkProtocol.CIRCO, "LDRE", "CLIP ViT-L/14").metrics())
                .containsEntry("mAP@50", 27.50);
        assertThat(find(BenchmarkProtocol.FASHIONIQ, "LinCIR", "CLIP ViT-L/14").metrics())
                .containsEntry("R@10", 26.28).containsEntry("R@50", 46.48);
        assertThat(find(BenchmarkProtocol.PATTERNCOM, "WeiCom λ=0.6", "RemoteCLIP ViT-L/14").metrics())
                .containsEntry("mAP", 30.19);
    }

    @Test
    void missingPublishedValuesStayMissing() {
        assertThat(find(BenchmarkProtocol.CIRR, "LinCIR", "CLIP ViT-L/14").metrics()).doesNotContainKey("R@50");
        assertThat(anchors.forBenchmark(BenchmarkProtocol.CIRCO)).extracting(PublishedAnchor::method)
                .doesNotContain("text only", "Slerp (no training)");
    }

    @Test
    void everyBenchmarkWithPublishedNumbersIsCovered() {
        assertThat(anchors.forBenchmark(BenchmarkProtocol.CIRR)).hasSize(11);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.CIRCO)).hasSize(9);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.FASHIONIQ)).hasSize(5);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.PATTERNCOM)).hasSize(10);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.SYNTHETIC)).isEmpty();
        assertThat(anchors.all()).hasSize(35);
    }

    @Test
    void unknownMetricNameIsRejected() {
        String json = """
                {"source": "test", "anchors": [{"benchmark": "CIRCO", "split": "test", "method": "m",
                 "backbone": "b", "ourMethod": "", "setting": "zero-shot", "metrics": {"R@1": 1.0}}]}
                """;

        assertThatThrownBy(() -> PublishedAnchors.parse(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("has metric R@1, which CIRCO does not report");
    }
}
