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
        assertThat(anchors.forBenchmark(BenchmarkProtocol.CIRR)).hasSize(16);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.CIRCO)).hasSize(9);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.FASHIONIQ)).hasSize(10);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.PATTERNCOM)).hasSize(10);
        assertThat(anchors.forBenchmark(BenchmarkProtocol.SYNTHETIC)).isEmpty();
        assertThat(anchors.all()).hasSize(45);
    }

    @Test
    void theSeedsPublishedNumbersNameTheMethodThatServesThem() {
        PublishedAnchor fti = find(BenchmarkProtocol.FASHIONIQ, "FTI4CIR", "CLIP ViT-L/14 (unconfirmed)");
        assertThat(fti.ourMethod()).isEqualTo("multi_token");
        assertThat(fti.metrics()).containsEntry("R@10", 29.39).containsEntry("R@50", 50.88);
        assertThat(find(BenchmarkProtocol.CIRR, "SSN", "CLIP ViT-B/32").metrics()).containsEntry("R@1", 43.91)
                .containsEntry("Rsubset@3", 95.54);
        assertThat(find(BenchmarkProtocol.CIRR, "SPN4CIR: SPRC+SPN", "BLIP-2").ourMethod()).isEqualTo("composer");
        assertThat(anchors.all()).extracting(PublishedAnchor::method).noneMatch(m -> m.contains("CVSI")
                || m.contains("TisCIR"));
        assertThat(anchors.all()).extracting(PublishedAnchor::label).allMatch(l -> l.startsWith("published: "));
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
