package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CirrParserTest {
    @TempDir
    Path root;

    private void writeSplit() {
        Fixtures.json(root.resolve("cirr/image_splits/split.rc2.val.json"), """
                {'dev-1-0-img0': './dev/dev-1-0-img0.png', 'dev-1-1-img1': './dev/dev-1-1-img1.png',
                 '12345': './dev/12345.png', 'dev-2-0-img0': './dev/dev-2-0-img0.png',
                 'dev-9-9-gone': './dev/dev-9-9-gone.png'}""");
        Fixtures.images(root, "dev/dev-1-0-img0.png", "dev/dev-1-1-img1.png", "dev/12345.png", "dev/dev-2-0-img0.png");
    }

    @Test
    void readsGalleryAndQueriesLeniently() {
        writeSplit();
        Path captions = Fixtures.json(root.resolve("cirr/captions/cap.rc2.val.json"), """
                [{'pairid': 77, 'reference': 'dev-1-0-img0', 'target_hard': 'dev-1-1-img1', 'caption': 'make it red',
                  'target_soft': {'dev-1-1-img1': 1.0},
                  'img_set': {'id': 1, 'members': ['dev-1-0-img0', 'dev-1-1-img1', 12345], 'reference_rank': 0}},
                 {'pairid': '078', 'reference': 12345, 'target_hard': 'dev-2-0-img0', 'caption': '   '},
                 {'pairid': 79, 'target_hard': 'dev-2-0-img0', 'caption': 'x'},
                 {'pairid': 80, 'reference': 'dev-1-0-img0', 'target_hard': 'dev-9-9-gone', 'caption': 'y'},
                 {'pairid': 81, 'reference': 'dev-1-0-img0', 'target_hard': 'dev-2-0-img0', 'caption': 5},
                 'not an object']""");

        ProblemLog log = new ProblemLog(ProblemLog.Mode.CONTINUE);
        BenchmarkData data = Benchmark.CIRR.parser(root, ParserSettings.defaults()).parse("val", log);

        assertThat(data.gallery()).extracting(GalleryImage::id)
                .containsExactly("dev-1-0-img0", "dev-1-1-img1", "12345", "dev-2-0-img0");
        assertThat(data.gallery().getFirst().file()).isEqualTo(root.resolve("dev/dev-1-0-img0.png"));
        assertThat(data.queries()).extracting(BenchmarkQuery::queryId).containsExactly("77", "078");
        BenchmarkQuery first = data.queries().getFirst();
        assertThat(first.texts()).containsExactly("make it red");
        assertThat(first.targetIds()).containsExactly("dev-1-1-img1");
        assertThat(first.subsetMembers()).containsExactly("dev-1-0-img0", "dev-1-1-img1", "12345");
        BenchmarkQuery second = data.queries().get(1);
        assertThat(second.referenceId()).isEqualTo("12345");
        assertThat(second.texts()).containsExactly("   ");
        assertThat(second.subsetMembers()).isEmpty();
        assertThat(data.problems()).extracting(ParseProblem::toString).containsExactly(
                root.resolve("cirr/image_splits/split.rc2.val.json") + ": key 'dev-9-9-gone': image file not found: "
                        + root.resolve("dev/dev-9-9-gone.png"),
                captions + ": index 2: required field 'reference' is missing",
                captions + ": index 3: target 'dev-9-9-gone' is not in the split gallery",
                captions + ": index 4: 'caption' should be text, got NUMBER",
                captions + ": index 5: expected an object with fields, got STRING");
    }

    @Test
    void testSplitHasNoTargets() {
        Fixtures.json(root.resolve("image_splits/split.rc2.test1.json"), "{'test1-1-0-img0': './test1/a.png'}");
        Fixtures.images(root, "test1/a.png");
        Fixtures.json(root.resolve("captions/cap.rc2.test1.json"),
                "[{'pairid': 1, 'reference': 'test1-1-0-img0', 'caption': 'c', 'img_set': {'members': []}}]");

        BenchmarkData data = Benchmark.CIRR.parser(root, ParserSettings.defaults())
                .parse("test1", new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.queries()).singleElement().satisfies(q -> assertThat(q.targetIds()).isEmpty());
        assertThat(data.problems()).isEmpty();
    }

    @Test
    void patternCirLivesUnderPatternCirSlashCirr() {
        Fixtures.json(root.resolve("PatternCIR/cirr/image_splits/split.rc2.test1.json"), "{'a': './imgs/a.jpg'}");
        Fixtures.json(root.resolve("PatternCIR/cirr/captions/cap.rc2.test1.json"),
                "[{'pairid': 1, 'reference': 'a', 'target_hard': 'a', 'caption': 'c'}]");
        Fixtures.images(root, "imgs/a.jpg");

        BenchmarkData data = Benchmark.PATTERNCIR.parser(root, ParserSettings.defaults())
                .parse("test1", new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.benchmark()).isEqualTo("patterncir");
        assertThat(data.queries()).singleElement().satisfies(q -> assertThat(q.targetIds()).containsExactly("a"));
    }

    @Test
    void stopModeEndsAtTheFirstProblemWithItsLocation() {
        writeSplit();
        Fixtures.json(root.resolve("cirr/captions/cap.rc2.val.json"), "[]");

        assertThatThrownBy(() -> Benchmark.CIRR.parser(root, ParserSettings.defaults())
                .parse("val", new ProblemLog(ProblemLog.Mode.STOP)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("key 'dev-9-9-gone': image file not found");
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        writeSplit();
        Fixtures.text(root.resolve("cirr/captions/cap.rc2.val.json"), "[\n  {\"pairid\": 1,,}\n]");

        assertThatThrownBy(() -> Benchmark.CIRR.parser(root, ParserSettings.defaults())
                .parse("val", new ProblemLog(ProblemLog.Mode.CONTINUE)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("cap.rc2.val.json: not valid JSON at line 2, column");
    }

    @Test
    void missingAnnotationsSayWhereTheyWereLookedFor() {
        assertThatThrownBy(() -> Benchmark.SYNTHETIC.parser(root, ParserSettings.defaults())
                .parse("val", new ProblemLog(ProblemLog.Mode.CONTINUE)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("no captions/cap.rc2.val.json under " + root);
    }
}
