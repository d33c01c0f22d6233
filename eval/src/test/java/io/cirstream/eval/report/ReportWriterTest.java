package io.cirstream.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cirstream.eval.anchor.PublishedAnchors;
import io.cirstream.eval.metric.EvalReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private final ReportWriter writer = new ReportWriter(PublishedAnchors.bundled());

    @TempDir
    Path dir;

    @Test
    void writesParseableJsonWithResultsAndPublishedRows() throws IOException {
        EvalReport report = ReportFixtures.cirr(true);

        ReportWriter.ReportFiles files = writer.write(report, dir);
        JsonReport parsed = JsonReport.read(files.json());

        assertThat(files.json().getFileName().toString()).isEqualTo("cirr-val-gen-tiny-v1.json");
        assertThat(parsed.results()).isEqualTo(report);
        assertThat(parsed.results().methods().get("text").metrics().get("R@1")).isEqualTo(2.0);
        assertThat(parsed.notices()).first().isEqualTo(EvalReport.GENERATED_MODEL_NOTICE);
        assertThat(parsed.published()).hasSize(16);
        assertThat(parsed.metricUnit()).isEqualTo(JsonReport.PERCENT);
    }

    @Test
    void markdownAndConsoleSayPlainlyThatAGeneratedModelIsNotComparable() throws IOException {
        EvalReport report = ReportFixtures.cirr(true);

        String markdown = Files.readString(writer.write(report, dir).markdown());
        String console = writer.console(report);

        for (String text : new String[] {markdown, console}) {
            assertThat(text).contains(EvalReport.GENERATED_MODEL_NOTICE)
                    .contains(ReportNotices.PUBLISHED_ROWS).doesNotContain("NaN");
        }
        assertThat(markdown)
                .contains("| ours | text | gen-tiny-v1 (generated) | val | 2.00 | 10.00 | 20.00 | 90.00 | – | – | – |")
                .contains("| published | SEARLE | CLIP ViT-B/32 | test1 | 24.00 | 53.42 | 66.82 | 89.78 |")
                .contains("![CIRR chart](cirr-val-gen-tiny-v1.png)");
        assertThat(console).containsPattern("published\\s+SEARLE\\s+CLIP ViT-B/32\\s+test1\\s+24\\.00\\s");
        assertThat(console).containsPattern("image\\s+100\\s+0\\s+0\\s+–\\s+–");
        assertThat(console)
                .containsPattern("text\\s+100\\s+0\\s+0\\s+4\\.00\\s+3\\.00\\s+5\\.00\\s+5\\.00\\s+2\\.0\\s+97\\.50");
    }

    @Test
    void clipPackHasNoGeneratedNoticeButShowsCategories() throws IOException {
        EvalReport report = ReportFixtures.fashionIq();

        String markdown = Files.readString(writer.write(report, dir).markdown());

        assertThat(markdown).doesNotContain(EvalReport.GENERATED_MODEL_NOTICE)
                .contains("| slerp | dress | 20.00 | 90.00 |")
                .contains("| published | LinCIR | CLIP ViT-L/14 | val | 26.28 | 46.48 |");
    }

    /**
     * Issue 13 items 3 and 7: report files were named per benchmark and split only, so a second run overwrote the
     * first; failed queries were not reported at all.
     */
    @Test
    void eachRunKeepsItsOwnFilesBesideALatestCopyAndSaysWhichQueriesFailed() throws IOException {
        EvalReport first = ReportFixtures.cirrRun("20260501T120000Z-aaaaaa", 0);
        EvalReport second = ReportFixtures.cirrRun("20260501T130000Z-bbbbbb", 3);

        ReportWriter.ReportFiles firstFiles = writer.write(first, dir);
        writer.keepLatest(first, firstFiles);
        Files.writeString(writer.files(second, dir).rankings(), "{}\n");
        ReportWriter.ReportFiles secondFiles = writer.write(second, dir);
        ReportWriter.ReportFiles latest = writer.keepLatest(second, secondFiles);

        assertThat(firstFiles.json().getFileName().toString())
                .isEqualTo("cirr-val-gen-tiny-v1-20260501T120000Z-aaaaaa.json");
        assertThat(JsonReport.read(firstFiles.json()).results()).isEqualTo(first);
        assertThat(JsonReport.read(secondFiles.json()).results()).isEqualTo(second);
        assertThat(latest.json().getFileName().toString()).isEqualTo("cirr-val-gen-tiny-v1-latest.json");
        assertThat(JsonReport.read(latest.json()).results()).isEqualTo(second);
        assertThat(Files.readString(latest.rankings())).isEqualTo("{}\n");
        assertThat(Files.readString(latest.markdown())).contains("(cirr-val-gen-tiny-v1-latest.png)");
        assertThat(second.methods().get("text").failedQueries()).containsEntry("400 bad_request", 3);
        assertThat(writer.console(second)).contains("text: 3 queries got no answer from the query API")
                .contains("a note for the reader").containsPattern("text\\s+10\\s+0\\s+3\\s");
        assertThat(JsonReport.read(secondFiles.json()).notices()).anyMatch(n -> n.contains("400 bad_request=3"));
    }

    /** Issue 13 item 8: the chart showed neither Recall_subset nor FashionIQ's per-category numbers. */
    @Test
    void chartDrawsRecallSubsetAndEachFashionIqCategory() {
        assertThat(RecallChart.chartMetrics(ReportFixtures.cirr(false)))
                .containsExactly("R@1", "R@5", "R@10", "R@50", "Rsubset@1", "Rsubset@2", "Rsubset@3");
        assertThat(RecallChart.chartMetrics(ReportFixtures.fashionIq())).containsExactly("R@10", "R@50",
                "dress/R@10", "dress/R@50", "shirt/R@10", "shirt/R@50", "toptee/R@10", "toptee/R@50");
        assertThat(RecallChart.render(ReportFixtures.cirrRun("r", 10)).getWidth()).isEqualTo(RecallChart.WIDTH);
    }

    @Test
    void pngDecodesWithTheExpectedSizeAndDrawsBarsInMethodColours() throws IOException {
        Path chart = writer.write(ReportFixtures.cirr(true), dir).chart();

        BufferedImage image = ImageIO.read(chart.toFile());

        assertThat(image.getWidth()).isEqualTo(RecallChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(RecallChart.HEIGHT);
        assertThat(countPixels(image, 0x0072B2)).as("bars of the first method").isGreaterThan(1000);
        assertThat(countPixels(image, 0xB00020)).as("generated-model notice").isGreaterThan(50);
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
