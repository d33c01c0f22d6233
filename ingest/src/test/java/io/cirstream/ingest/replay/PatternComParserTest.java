package io.cirstream.ingest.replay;

import io.cirstream.contract.event.BenchmarkQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PatternComParserTest {
    @TempDir
    Path root;

    @Test
    void eachRowAsksForEveryOtherValueOfItsClass() {
        Fixtures.images(root, "PatternNet/images/airplane/airplane001.jpg", "PatternNet/images/airplane/airplane002.jpg",
                "PatternNet/images/airplane/airplane003.jpg", "PatternNet/images/beach/beach001.jpg");
        Path color = Fixtures.text(root.resolve("PatternCom/color.csv"), """
                airplane001.jpg,color,white
                airplane002.jpg,color, red
                airplane003,color,red

                beach001.jpg,color,blue
                airplane404.jpg,color,white
                broken line
                """);

        ProblemLog log = new ProblemLog(ProblemLog.Mode.CONTINUE);
        BenchmarkData data = Benchmark.PATTERNCOM.parser(root, ParserSettings.defaults()).parse("test", log);

        assertThat(data.gallery()).extracting(GalleryImage::category)
                .containsExactly("airplane", "airplane", "airplane", "beach");
        assertThat(data.queries()).extracting(BenchmarkQuery::queryId).containsExactly(
                "color/airplane001/red", "color/airplane002/white", "color/airplane003/white");
        BenchmarkQuery first = data.queries().getFirst();
        assertThat(first.referenceId()).isEqualTo("airplane001");
        assertThat(first.texts()).containsExactly("red");
        assertThat(first.targetIds()).containsExactly("airplane002", "airplane003");
        assertThat(first.category()).isEqualTo("color");
        assertThat(data.problems()).extracting(ParseProblem::toString).contains(
                color + ": line 6: image 'airplane404' is not in the gallery",
                color + ": line 7: expected 'image,attribute,value', got 'broken line'");
        assertThat(data.problems()).anySatisfy(p -> assertThat(p.toString()).contains("shape.csv: file: attribute file "
                + "not found"));
    }

    @Test
    void mergedClassesShareTheirPositives() {
        Fixtures.images(root, "PatternNet/images/a/dense_residential001.jpg",
                "PatternNet/images/b/sparse_residential001.jpg");
        Fixtures.text(root.resolve("PatternCom/density.csv"),
                "dense_residential001.jpg,density,high\nsparse_residential001.jpg,density,low\n");
        ParserSettings merged = new ParserSettings(null, List.of(), null, null,
                Map.of("dense_residential", "residential", "sparse_residential", "residential"));

        BenchmarkData data = Benchmark.PATTERNCOM.parser(root, merged).parse("test",
                new ProblemLog(ProblemLog.Mode.CONTINUE));
        BenchmarkData unmerged = Benchmark.PATTERNCOM.parser(root, ParserSettings.defaults()).parse("test",
                new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.queries()).extracting(BenchmarkQuery::targetIds)
                .containsExactly(List.of("sparse_residential001"), List.of("dense_residential001"));
        assertThat(unmerged.queries()).isEmpty();
    }
}
