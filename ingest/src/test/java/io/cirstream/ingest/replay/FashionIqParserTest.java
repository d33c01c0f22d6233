package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FashionIqParserTest {
    @TempDir
    Path root;

    @Test
    void readsEachCategoryWithDetectedExtensionsAndJoinedCaptions() {
        Fixtures.json(root.resolve("image_splits/split.dress.val.json"), "['B001', 'B002', '0003']");
        Fixtures.json(root.resolve("image_splits/split.shirt.val.json"), "['S001', 'S002']");
        Fixtures.images(root, "images/B001.png", "images/B002.jpg", "images/0003.png", "images/S001.png",
                "images/S002.png");
        Path dress = Fixtures.json(root.resolve("captions/cap.dress.val.json"), """
                [{'candidate': 'B001', 'target': 'B002', 'captions': ['is shorter.', ' has no sleeves ']},
                 {'candidate': 'B002', 'target': '0003', 'captions': ['', '  ']},
                 {'candidate': 'B404', 'target': 'B001', 'captions': ['a', 'b']}]""");
        Fixtures.json(root.resolve("captions/cap.shirt.val.json"),
                "[{'candidate': 'S001', 'target': 'S002', 'captions': ['is blue', 'is blue']}]");
        ParserSettings settings = new ParserSettings(null, List.of("dress", "shirt"), null,
                CaptionJoin.AND_BOTH_ORDERS, Map.of());

        BenchmarkData data = Benchmark.FASHIONIQ.parser(root, settings).parse("val",
                new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.gallery()).extracting(GalleryImage::id, GalleryImage::category).containsExactly(
                tuple("B001", "dress"), tuple("B002", "dress"),
                tuple("0003", "dress"), tuple("S001", "shirt"),
                tuple("S002", "shirt"));
        assertThat(data.gallery().get(1).file()).isEqualTo(root.resolve("images/B002.jpg"));
        assertThat(data.queries()).extracting(BenchmarkQuery::queryId).containsExactly("dress-0", "dress-1", "shirt-0");
        assertThat(data.queries().getFirst().texts())
                .containsExactly("is shorter and has no sleeves", "has no sleeves and is shorter");
        assertThat(data.queries().get(1).texts()).isEmpty();
        assertThat(data.queries().get(2).texts()).containsExactly("is blue and is blue");
        assertThat(data.queries().get(2).category()).isEqualTo("shirt");
        assertThat(data.problems()).extracting(ParseProblem::toString)
                .containsExactly(dress + ": index 2: candidate 'B404' is not in the dress split gallery");
    }

    @Test
    void configuredExtensionAndTestSplitWithoutTargets() {
        Fixtures.json(root.resolve("image_splits/split.toptee.test.json"), "['T1']");
        Fixtures.images(root, "pics/T1.jpg");
        Fixtures.json(root.resolve("captions/cap.toptee.test.json"), "[{'candidate': 'T1', 'captions': ['x', 'y']}]");
        ParserSettings settings = new ParserSettings(root.resolve("pics"), List.of("toptee"), "jpg", CaptionJoin.RAW,
                Map.of());

        BenchmarkData data = Benchmark.FASHIONIQ.parser(root, settings).parse("test",
                new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.problems()).isEmpty();
        assertThat(data.queries()).singleElement().satisfies(q -> {
            assertThat(q.targetIds()).isEmpty();
            assertThat(q.texts()).containsExactly("x", "y");
        });
    }

    @Test
    void joiningRulesAreExplicit() {
        List<String> captions = List.of("  is red, ", "has a collar?");

        assertThat(CaptionJoin.RAW.join(captions)).containsExactly("  is red, ", "has a collar?");
        assertThat(CaptionJoin.AND.join(captions)).containsExactly("is red and has a collar");
        assertThat(CaptionJoin.AND_BOTH_ORDERS.join(captions))
                .containsExactly("is red and has a collar", "has a collar and is red");
        assertThat(CaptionJoin.AND_BOTH_ORDERS.join(List.of("only one", " ."))).containsExactly("only one");
    }

    /** Issue 13 item 5: in stop mode the parse stops, so the message must not claim it keeps anything. */
    @Test
    void stopModeDoesNotClaimToKeepTheFirst() {
        Fixtures.json(root.resolve("image_splits/split.dress.val.json"), "['B001', 'B001']");
        Fixtures.images(root, "images/B001.png");
        Fixtures.json(root.resolve("captions/cap.dress.val.json"), "[]");
        ParserSettings settings = new ParserSettings(null, List.of("dress"), null, null, Map.of());

        assertThatThrownBy(() -> Benchmark.FASHIONIQ.parser(root, settings).parse("val",
                new ProblemLog(ProblemLog.Mode.STOP)))
                .hasMessageContaining("'B001' is listed twice").hasMessageNotContaining("keeping");
        BenchmarkData lenient = Benchmark.FASHIONIQ.parser(root, settings).parse("val",
                new ProblemLog(ProblemLog.Mode.CONTINUE));
        assertThat(lenient.problems()).singleElement().asString().contains("keeping the first");
    }

    /**
     * Issue 13 item 2: FashionIQ lists some ASINs for both shirt and toptee (121 in val); the second listing was
     * dropped ("listed twice; keeping the first") and its category's queries lost their candidate or target.
     */
    @Test
    void anAsinListedInTwoCategoriesBelongsToBoth() {
        Fixtures.json(root.resolve("image_splits/split.shirt.val.json"), "['B00SHARED', 'S1']");
        Fixtures.json(root.resolve("image_splits/split.toptee.val.json"), "['T1', 'B00SHARED']");
        Fixtures.images(root, "images/B00SHARED.jpg", "images/S1.jpg", "images/T1.jpg");
        Fixtures.json(root.resolve("captions/cap.shirt.val.json"),
                "[{'candidate': 'S1', 'target': 'B00SHARED', 'captions': ['a', 'b']}]");
        Fixtures.json(root.resolve("captions/cap.toptee.val.json"),
                "[{'candidate': 'B00SHARED', 'target': 'T1', 'captions': ['c', 'd']},"
                        + " {'candidate': 'S1', 'target': 'T1', 'captions': ['e', 'f']}]");
        ParserSettings settings = new ParserSettings(null, List.of("shirt", "toptee"), null, null, Map.of());

        BenchmarkData data = Benchmark.FASHIONIQ.parser(root, settings).parse("val",
                new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.gallery()).extracting(GalleryImage::id, GalleryImage::category).containsExactly(
                tuple("B00SHARED", "shirt"), tuple("S1", "shirt"), tuple("T1", "toptee"), tuple("B00SHARED", "toptee"));
        assertThat(data.queries()).extracting(BenchmarkQuery::queryId).containsExactly("shirt-0", "toptee-0");
        assertThat(data.problems()).extracting(ParseProblem::toString).singleElement().asString()
                .contains("candidate 'S1' is not in the toptee split gallery");
    }
}
