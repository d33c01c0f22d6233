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

/** Issue 13 item 6: your own benchmark as a CSV or JSON Lines triplet file, loaded through a column mapping. */
class TripletParserTest {
    @TempDir
    Path root;

    @Test
    void anExistingCsvLoadsThroughTheColumnMapping() {
        Fixtures.images(root, "img/shoe1.jpg", "img/shoe2.jpg", "img/shoe3.png", "img/bag1.jpg", "img/bag2.jpg",
                "img/distractor.jpg");
        Path csv = Fixtures.text(root.resolve("my-set.csv"), """
                pair,source_image,caption1,caption2,target_image,kind,fold
                p1,shoe1,in red,"with laces, please",shoe2;shoe3,shoes,val
                p2,bag1.jpg,bigger,,bag2,bags,val
                p3,shoe2,in blue,,shoe1,shoes,test
                p4,distractor,,,,shoes,
                p5,missing,smaller,,bag1,bags,val
                """);
        TripletColumns columns = TripletColumns.parse(Map.of("id", "pair", "reference", "source_image",
                "text", "caption1,caption2", "target", "target_image", "category", "kind", "split", "fold"), null, null);
        ParserSettings settings = new ParserSettings(root.resolve("img"), List.of(), null, CaptionJoin.AND, Map.of(),
                columns);

        BenchmarkData data = Benchmark.TRIPLETS.parser(csv, settings).parse("val",
                new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.queries()).extracting(BenchmarkQuery::queryId, BenchmarkQuery::referenceId,
                BenchmarkQuery::texts, BenchmarkQuery::targetIds, BenchmarkQuery::category).containsExactly(
                tuple("p1", "shoe1", List.of("in red and with laces, please"), List.of("shoe2", "shoe3"), "shoes"),
                tuple("p2", "bag1.jpg", List.of("bigger"), List.of("bag2"), "bags"));
        assertThat(data.gallery()).extracting(GalleryImage::id).containsExactly("shoe1", "shoe2", "shoe3",
                "bag1.jpg", "bag2", "distractor", "bag1");
        assertThat(data.gallery().get(2).file()).isEqualTo(root.resolve("img/shoe3.png"));
        assertThat(data.problems()).extracting(ParseProblem::toString).anyMatch(p -> p.contains("missing"));
    }

    @Test
    void jsonLinesTakeArraysAndHiddenLabels() {
        Fixtures.images(root, "a.jpg", "b.jpg", "c.jpg");
        Fixtures.text(root.resolve("triplets.jsonl"), """
                {"id": "q1", "reference": "a", "text": ["make it b", "more b"], "target": ["b", "c"]}
                {"id": "q2", "reference": "b", "text": "make it c"}
                not json
                {"id": "q3", "reference": "../../etc/passwd", "text": "escape"}
                {"id": "q4", "reference": "a", "reference": "c", "text": "which reference?"}
                """);

        BenchmarkData data = Benchmark.TRIPLETS.parser(root, ParserSettings.defaults()).parse("test",
                new ProblemLog(ProblemLog.Mode.CONTINUE));

        assertThat(data.queries()).extracting(BenchmarkQuery::queryId).containsExactly("q1", "q2");
        assertThat(data.queries().get(0).texts()).containsExactly("make it b and more b", "more b and make it b");
        assertThat(data.queries().get(1).targetIds()).isEmpty();
        assertThat(data.problems()).extracting(ParseProblem::toString)
                .anyMatch(p -> p.contains("line 3") && p.contains("not a JSON object"))
                .anyMatch(p -> p.contains("outside the image folder"))
                .anyMatch(p -> p.contains("line 5") && p.contains("Duplicate field 'reference'"));
    }

    @Test
    void aCsvHeaderNamingAColumnTwiceIsRefused() {
        Fixtures.images(root, "a.jpg", "b.jpg", "c.jpg");
        Fixtures.text(root.resolve("triplets.csv"), """
                id,reference,text,target,Target
                q1,a,make it b,b,c
                """);

        assertThatThrownBy(() -> Benchmark.TRIPLETS.parser(root, ParserSettings.defaults()).parse("test",
                new ProblemLog(ProblemLog.Mode.CONTINUE)))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("column 'Target' appears twice in the header row");
    }
}
